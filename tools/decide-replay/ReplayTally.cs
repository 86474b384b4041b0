using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Tools.DecideReplay;

/// <summary>The bench's field and protocol figures per set, and the right values sent to review by reason and by field.</summary>
internal sealed class ReplayTally
{
    private readonly SortedDictionary<string, SetFigures> _sets = new(StringComparer.Ordinal);

    public void AddProtocol(string set, ProtocolStatus status, bool violated)
    {
        var figures = Of(set);
        figures.Protocols++;
        figures.ProtocolsAccepted += status == ProtocolStatus.Accepted ? 1 : 0;
        figures.ViolatedAccepted += status == ProtocolStatus.Accepted && violated ? 1 : 0;
    }

    public void AddField(string set, string fieldId, FieldReading? reading, long? truth)
    {
        var figures = Of(set);
        var correct = reading?.Value == truth;
        var accepted = reading?.Status == FieldStatus.Accepted;
        figures.Fields++;
        figures.Correct += correct ? 1 : 0;
        figures.Accepted += accepted ? 1 : 0;
        figures.Silent += accepted && !correct ? 1 : 0;
        if (correct && !accepted && reading is not null && reading.Status != FieldStatus.Empty)
        {
            var reason = (reading.ReviewReason ?? "?").Split(':')[0];
            figures.RightReviewedByReason[reason] = figures.RightReviewedByReason.GetValueOrDefault(reason) + 1;
            figures.RightReviewedByField[fieldId[..Math.Min(fieldId.Length, 2)]] = figures.RightReviewedByField.GetValueOrDefault(fieldId[..Math.Min(fieldId.Length, 2)]) + 1;
        }
        else if (!correct && !accepted && reading is not null)
        {
            var reason = (reading.ReviewReason ?? "?").Split(':')[0];
            figures.WrongReviewedByReason[reason] = figures.WrongReviewedByReason.GetValueOrDefault(reason) + 1;
        }
    }

    public void Print(TextWriter output)
    {
        foreach (var (set, figures) in _sets)
        {
            output.WriteLine(
                $"{set}: fields {figures.Fields} accuracy {Percent(figures.Correct, figures.Fields)} accepted {figures.Accepted} " +
                $"review {Percent(figures.Fields - figures.Accepted, figures.Fields)} silent {figures.Silent} ({Percent(figures.Silent, figures.Fields, "F2")}) " +
                $"protocols {figures.Protocols} accepted {figures.ProtocolsAccepted} violated-accepted {figures.ViolatedAccepted}");
            output.WriteLine("  right but reviewed, by reason: " + string.Join(", ", figures.RightReviewedByReason.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value}")));
            output.WriteLine("  right but reviewed, by field:  " + string.Join(", ", figures.RightReviewedByField.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value}")));
            output.WriteLine("  wrong and reviewed, by reason: " + string.Join(", ", figures.WrongReviewedByReason.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Key} {pair.Value}")));
        }
    }

    private SetFigures Of(string set) => _sets.TryGetValue(set, out var figures) ? figures : _sets[set] = new SetFigures();

    private static string Percent(int part, int whole, string format = "F1") =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString(format, System.Globalization.CultureInfo.InvariantCulture) + "%";

    private sealed class SetFigures
    {
        public int Fields { get; set; }
        public int Correct { get; set; }
        public int Accepted { get; set; }
        public int Silent { get; set; }
        public int Protocols { get; set; }
        public int ProtocolsAccepted { get; set; }
        public int ViolatedAccepted { get; set; }
        public SortedDictionary<string, int> RightReviewedByReason { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, int> RightReviewedByField { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, int> WrongReviewedByReason { get; } = new(StringComparer.Ordinal);
    }
}
