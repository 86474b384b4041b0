using CsvHelper;

namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>A whole CSV file read into memory (reference files are small) after checking its header.</summary>
public sealed record CsvTable(IReadOnlyList<CsvRecord> Records, IReadOnlyList<ImportRowError> Errors)
{
    private static readonly CsvReaderOptions Options = new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>Reads every row; a missing required column or broken quoting is reported as an error, not thrown.</summary>
    public static CsvTable Read(TextReader text, IReadOnlyList<string> requiredColumns)
    {
        using var csv = CsvReader.Create(text, Options, leaveOpen: true);
        try
        {
            var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (header.Count == 0 || header.All(h => h.Length == 0))
            {
                return Failed(1, ImportReasonCodes.EmptyFile, "The file is empty; the first line must be the header.");
            }

            var missing = requiredColumns.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                return Failed(1, ImportReasonCodes.MissingColumn,
                    $"The header lacks {string.Join(", ", missing)}; expected: {string.Join(",", requiredColumns)}.");
            }

            var records = new List<CsvRecord>();
            while (csv.Read())
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Count; i++)
                {
                    values[header[i]] = i < csv.FieldCount ? csv.GetString(i) : "";
                }

                records.Add(new CsvRecord(checked((int)csv.LineNumber), values));
            }

            return new CsvTable(records, []);
        }
        catch (CsvFormatException e)
        {
            return Failed(checked((int)e.LineNumber), ImportReasonCodes.MalformedCsv, e.Message);
        }
    }

    private static CsvTable Failed(int line, string reason, string message) => new([], [new ImportRowError(line, reason, message)]);
}
