using System.Text.Json;

namespace ProtocolOcr.Cli.Uploading;

/// <summary>Prints one block per photo: its status or rejection reason, then each recognised field.</summary>
public static class UploadResultTable
{
    public static void Print(IEnumerable<UploadResult> results)
    {
        foreach (var result in results)
        {
            Console.WriteLine();
            Console.WriteLine($"{Path.GetFileName(result.PhotoPath)}: {result.Status}{Reason(result.Document)}");
            if (result.Document is not { } document
                || !document.TryGetProperty("recognition", out var recognition)
                || recognition.ValueKind != JsonValueKind.Object
                || !recognition.TryGetProperty("fields", out var fields)
                || fields.ValueKind != JsonValueKind.Array
                || fields.GetArrayLength() == 0)
            {
                continue;
            }

            Console.WriteLine($"  {"field",-8} {"value",10} {"conf",6}  status");
            foreach (var field in fields.EnumerateArray())
            {
                Console.WriteLine($"  {Text(field, "fieldId"),-8} {Text(field, "value"),10} {Confidence(field),6}  {Text(field, "status")} {Text(field, "reviewReason")}");
            }
        }
    }

    private static string Reason(JsonElement? document)
    {
        if (document is not { } d)
        {
            return "";
        }

        if (d.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.Object)
        {
            return $" ({Text(reason, "code")}: {Text(reason, "message")})";
        }

        return d.TryGetProperty("error", out var error) ? $" ({error.GetString()}: {Text(d, "message")})" : "";
    }

    private static string Confidence(JsonElement field) =>
        field.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble().ToString("0.00") : "";

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : "";
}
