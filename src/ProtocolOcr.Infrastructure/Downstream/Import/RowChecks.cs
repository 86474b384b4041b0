using System.Globalization;

namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>Field checks shared by the importers; each adds an error naming the line and returns false on a bad value.</summary>
internal static class RowChecks
{
    public static bool Present(CsvRecord record, string column, List<ImportRowError> errors)
    {
        if (record[column].Length > 0)
        {
            return true;
        }

        errors.Add(new ImportRowError(record.Line, ImportReasonCodes.MissingValue, $"'{column}' is empty."));
        return false;
    }

    public static long? NonNegativeInteger(CsvRecord record, string column, List<ImportRowError> errors)
    {
        var text = record[column];
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new ImportRowError(record.Line, ImportReasonCodes.NotAnInteger, $"'{column}' is '{text}', not an integer."));
            return null;
        }

        if (value < 0)
        {
            errors.Add(new ImportRowError(record.Line, ImportReasonCodes.Negative, $"'{column}' is {value}; counts cannot be negative."));
            return null;
        }

        return value;
    }

    /// <summary>True the first time a key is seen; a repeat is an error pointing at the earlier line.</summary>
    public static bool FirstOccurrence<TKey>(Dictionary<TKey, int> seen, TKey key, CsvRecord record, string describe,
        List<ImportRowError> errors) where TKey : notnull
    {
        if (seen.TryAdd(key, record.Line))
        {
            return true;
        }

        errors.Add(new ImportRowError(record.Line, ImportReasonCodes.Duplicate, $"{describe} is already on line {seen[key]}."));
        return false;
    }
}
