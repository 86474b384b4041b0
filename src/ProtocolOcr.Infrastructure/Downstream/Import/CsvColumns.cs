namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>Column names of the reference CSV files (the header is matched case-insensitively).</summary>
internal static class CsvColumns
{
    public const string Election = "election_id";
    public const string Form = "form_id";
    public const string Title = "title";
    public const string Region = "region";
    public const string Precinct = "precinct";
    public const string Address = "address";
    public const string VotersOnList = "voters_on_list";
    public const string Field = "field_id";
    public const string Value = "value";
}
