using ProtocolOcr.Core.Forms;

namespace ProtocolOcr.Api.Tests.Harness;

internal static class ProtocolValues
{
    /// <summary>
    /// Values for every count and code field of a Kazakh protocol that satisfy its relations
    /// (L3 &lt;= L1, L2 = L3 + L6, L4 &lt;= L3, L4 = L5 + sum of votes).
    /// </summary>
    public static Dictionary<string, long> ConsistentKazakh(FormDefinition form, int variant)
    {
        var values = new Dictionary<string, long>
        {
            ["L1"] = 1500 + variant, ["L2"] = 1540, ["L3"] = 1206, ["L4"] = 1204, ["L5"] = 17, ["L6"] = 334,
        };
        var votes = form.Fields.Where(f => f.Kind == FieldKind.Count && !values.ContainsKey(f.Id)).ToList();
        var remaining = values["L4"] - values["L5"];
        for (var i = 0; i < votes.Count; i++)
        {
            var share = i == votes.Count - 1 ? remaining : remaining / (i + 3);
            values[votes[i].Id] = share;
            remaining -= share;
        }

        foreach (var code in form.Fields.Where(f => f.Kind == FieldKind.Code))
        {
            values[code.Id] = 418 + variant;
        }

        return values;
    }
}
