using System.Globalization;
using OpenCvSharp;
using ProtocolOcr.Recognition.Handwriting;

namespace ProtocolOcr.Tools.FieldRead;

/// <summary>
/// One PNG row per wrongly read handwritten field, to look at: the crop, the crop as prepared for the digit engine,
/// then the 28x28 digits the classifier saw (best reading of each group), labelled truth / read.
/// </summary>
internal static class Montage
{
    private const int RowHeight = 64;
    private const int Width = 900;
    private const int RowsPerPage = 14;

    public static void Write(string evalTsv, string cropsRoot, string outPng, string set, DigitClassifier classifier)
    {
        var rows = new List<Mat>();
        foreach (var line in File.ReadLines(evalTsv).Skip(1))
        {
            var cells = line.Split('\t');
            if (cells[0] != set || cells[3] == cells[7] || cells[3].Length == 0)
            {
                continue;
            }

            var png = Path.Combine(cropsRoot, cells[1], cells[2] + ".png");
            using var crop = Cv2.ImRead(png, ImreadModes.Grayscale);
            rows.Add(Row(crop, $"{cells[1][^4..]} {cells[2]} {cells[3]}/{cells[7]}", classifier));
        }

        foreach (var (page, index) in rows.Chunk(RowsPerPage).Select((page, index) => (page, index)))
        {
            using var sheet = new Mat();
            Cv2.VConcat(page, sheet);
            Cv2.ImWrite(Path.ChangeExtension(outPng, null) + $"-{index}.png", sheet);
        }

        rows.ForEach(row => row.Dispose());
    }

    private static Mat Row(Mat crop, string label, DigitClassifier classifier)
    {
        var row = new Mat(RowHeight, Width, MatType.CV_8UC1, Scalar.All(255));
        var x = Paste(row, crop, 0);
        using var prepared = new HandwrittenDigitReader(classifier).Prepare(crop);
        x = Paste(row, prepared.Image, x + 4);
        using var groups = new DisposableList(DigitSegmenter.Split(prepared.Image));
        foreach (var group in groups.Groups)
        {
            var readings = GroupReading.OfField([group], classifier, 1.0);
            var best = readings.Count == 0 ? null : readings[0];
            var index = best is null ? 0 : Enumerable.Range(0, best.Options.Count).First(i => ReferenceEquals(best.Options[i], best.Best));
            foreach (var image in group.Options[index])
            {
                if (DigitNormalizer.FromPaper(image) is not { } digit)
                {
                    continue;
                }

                using var small = Mat.FromPixelData(NormalizedDigit.Side, NormalizedDigit.Side, MatType.CV_32FC1, digit.Pixels);
                using var shown = new Mat();
                small.ConvertTo(shown, MatType.CV_8UC1, -255, 255);
                x = Paste(row, shown, x + 6, 40);
                var c = classifier.Classify(digit);
                Cv2.PutText(row, $"{c.Digit}{c.Confidence:0.00}".Replace("0.", ".", StringComparison.Ordinal), new Point(x - 40, RowHeight - 2), HersheyFonts.HersheyPlain, 0.8, Scalar.All(0));
            }

            x += 8;
        }

        Cv2.PutText(row, label, new Point(Math.Min(x + 6, Width - 200), 20), HersheyFonts.HersheyPlain, 1.0, Scalar.All(0));
        return row;
    }

    private static int Paste(Mat row, Mat image, int x, int height = RowHeight - 14)
    {
        var scale = (double)height / image.Height;
        var width = Math.Max(1, (int)(image.Width * scale));
        if (x + width > Width)
        {
            return x;
        }

        using var resized = new Mat();
        Cv2.Resize(image, resized, new Size(width, height));
        using var target = new Mat(row, new Rect(x, 0, width, height));
        resized.CopyTo(target);
        return x + width;
    }

    private sealed class DisposableList(List<DigitGroup> groups) : IDisposable
    {
        public List<DigitGroup> Groups { get; } = groups;

        public void Dispose() => Groups.ForEach(group => group.Dispose());
    }
}
