namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>One data row of a CSV file by column name, with the file line it started on.</summary>
public sealed record CsvRecord(int Line, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values[column].Trim();
}
