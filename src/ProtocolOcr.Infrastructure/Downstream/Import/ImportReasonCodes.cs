namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>Why a CSV row (or the whole file) was refused; documented in docs/database.md.</summary>
public static class ImportReasonCodes
{
    public const string MissingColumn = "missing_column";
    public const string MalformedCsv = "malformed_csv";
    public const string EmptyFile = "empty_file";
    public const string MissingValue = "missing_value";
    public const string UnknownElection = "unknown_election";
    public const string UnknownForm = "unknown_form";
    public const string UnknownFormField = "unknown_form_field";
    public const string UnknownPrecinct = "unknown_precinct";
    public const string Duplicate = "duplicate";
    public const string NotAnInteger = "not_an_integer";
    public const string Negative = "negative";
}
