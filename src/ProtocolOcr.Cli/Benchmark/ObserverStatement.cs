using System.Globalization;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Synthetic.Generation;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>
/// What an observer types into the upload form's required precinct box (<c>bench --stated-precinct TYPOS</c>): the
/// protocol's true precinct, except for a share of typos (one digit changed, lost or doubled), so the bench runs the
/// pipeline as uploads reach it and a mismatch between the observer and the photo is exercised too. Reproducible per
/// photo (its own random stream from seed and index, apart from the generator's).
/// </summary>
public static class ObserverStatement
{
    private const int StreamOffset = 0x5EED;

    public static string? PrecinctFor(PhotoTruth truth, FormDefinition form, double typoShare)
    {
        var precinctField = form.Fields.FirstOrDefault(field => field.Kind == FieldKind.Code);
        var precinct = truth.Fields.FirstOrDefault(field => field.Id == precinctField?.Id);
        if (precinct is null)
        {
            return null;
        }

        var text = precinct.Value.ToString(CultureInfo.InvariantCulture);
        var random = PhotoSeed.Create(truth.Seed ^ StreamOffset, truth.Index);
        return random.NextDouble() < typoShare ? Typo(text, random) : text;
    }

    private static string Typo(string text, Random random)
    {
        var position = random.Next(text.Length);
        return random.Next(3) switch
        {
            0 when text.Length > 1 => text.Remove(position, 1),
            1 => text.Insert(position, text[position].ToString()),
            _ => text.Remove(position, 1).Insert(position, ((text[position] - '0' + 1 + random.Next(9)) % 10).ToString(CultureInfo.InvariantCulture)),
        };
    }
}
