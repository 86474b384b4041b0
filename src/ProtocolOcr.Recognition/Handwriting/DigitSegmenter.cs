using OpenCvSharp;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// Splits a cleaned field (<see cref="PreparedDigits"/>: black ink on white, box lines gone) into ink groups, left to
/// right: connected components; a short piece (a broken stroke, a 7's bar, a 5's cap) joins the tall piece it
/// overlaps most in x (or, overlapping none by half, the one it lies next to), tall pieces stay groups of their own. A group wider than a digit also gets the option of being
/// cut at the thinnest columns near even spacing (touching digits); which option is right is left to the classifier
/// (<see cref="HandwrittenDigitReader"/>): a wide 2 or a 5 with a long cap is one digit, "12" written touching is two.
/// A cut that leaves a piece shorter than a digit (a 5's cap, a 2's foot) is only a rival (<see cref="DigitGroup.Rivals"/>):
/// read as an option, the cap of "45" became a 2 of its own ("452"). Each digit image is dark ink on white, the
/// group's own pixels only.
/// </summary>
public static class DigitSegmenter
{
    private const double OverlapToMerge = 0.5;
    /// <summary>A handwritten digit's width per its height, for the segmentation prior (0.8 split wide 2s and 5s in two).</summary>
    private const double DigitWidthPerHeight = 1.0;
    /// <summary>Groups wider than this many digit widths may be touching digits and get cut options.</summary>
    private const double WidthToConsiderCut = 1.05;
    private const double DigitHeightFraction = 0.6;
    /// <summary>A short piece this close (per tallest piece's height) to a digit joins it even without overlapping it by half: a 5's cap drawn apart.</summary>
    private const double StrokeReach = 0.1;

    public static List<DigitGroup> Split(Mat prepared)
    {
        using var ink = new Mat();
        Cv2.Threshold(prepared, ink, 127, 255, ThresholdTypes.BinaryInv);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids);
        var pieces = Enumerable.Range(1, count - 1)
            .Select(label => (Label: label, Bounds: new Rect(
                stats.At<int>(label, (int)ConnectedComponentsTypes.Left),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Top),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Width),
                stats.At<int>(label, (int)ConnectedComponentsTypes.Height))))
            .OrderBy(piece => piece.Bounds.Left)
            .ToList();
        var tallest = pieces.Count == 0 ? 0 : pieces.Max(piece => piece.Bounds.Height);
        // Tall pieces are digits of their own even when slant makes them overlap a neighbour in x (a slanted 1);
        // short pieces (a broken stroke, a 5's cap, a 7's bar) join the digit they overlap most.
        var groups = pieces.Where(piece => piece.Bounds.Height >= tallest * DigitHeightFraction)
            .Select(piece => (piece.Bounds, Labels: new List<int> { piece.Label }))
            .ToList();
        foreach (var piece in pieces.Where(piece => piece.Bounds.Height < tallest * DigitHeightFraction))
        {
            var best = groups.Select((group, index) => (Index: index, Overlap: HorizontalOverlap(group.Bounds, piece.Bounds), Gap: Gap(group.Bounds, piece.Bounds)))
                .Where(candidate => candidate.Overlap >= OverlapToMerge || candidate.Gap <= tallest * StrokeReach)
                .OrderByDescending(candidate => candidate.Overlap)
                .ThenBy(candidate => candidate.Gap)
                .FirstOrDefault((Index: -1, Overlap: 0, Gap: 0));
            if (best.Index >= 0)
            {
                var group = groups[best.Index];
                groups[best.Index] = (group.Bounds | piece.Bounds, [.. group.Labels, piece.Label]);
            }
            else
            {
                groups.Add((piece.Bounds, [piece.Label]));
            }
        }

        groups = groups.OrderBy(group => group.Bounds.Left).ToList();
        if (groups.Count == 0)
        {
            return [];
        }

        var digitWidth = groups.Max(group => group.Bounds.Height) * DigitWidthPerHeight;
        var result = new List<DigitGroup>();
        foreach (var (bounds, members) in groups)
        {
            using var mask = Mask(labels, bounds, members);
            var widthInDigits = bounds.Width / digitWidth;
            var options = new List<IReadOnlyList<Mat>> { new[] { ToPaper(mask) } };
            var rivals = new List<IReadOnlyList<Mat>>();
            if (widthInDigits > WidthToConsiderCut)
            {
                var likeliest = Math.Max(2, (int)Math.Round(widthInDigits));
                foreach (var digitCount in likeliest > 2 ? new[] { likeliest, likeliest - 1 } : [likeliest])
                {
                    var cut = CutTouching(mask, digitCount);
                    (cut.Any(part => InkHeight(part) < mask.Height * DigitHeightFraction) ? rivals : options).Add(cut);
                }
            }

            result.Add(new DigitGroup(bounds, widthInDigits, options, rivals));
        }

        return result;
    }

    /// <summary>The larger of the horizontal and vertical gaps between two boxes (0 when they touch or overlap).</summary>
    private static int Gap(Rect a, Rect b) =>
        Math.Max(Math.Max(0, Math.Max(a.Left - b.Right, b.Left - a.Right)), Math.Max(0, Math.Max(a.Top - b.Bottom, b.Top - a.Bottom)));

    private static double HorizontalOverlap(Rect a, Rect b)
    {
        var overlap = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        return overlap <= 0 ? 0 : (double)overlap / Math.Min(a.Width, b.Width);
    }

    private static Mat Mask(Mat labels, Rect bounds, List<int> members)
    {
        using var region = new Mat(labels, bounds);
        var mask = new Mat(bounds.Size, MatType.CV_8UC1, Scalar.All(0));
        using var one = new Mat();
        foreach (var label in members)
        {
            Cv2.InRange(region, new Scalar(label), new Scalar(label), one);
            Cv2.BitwiseOr(mask, one, mask);
        }

        return mask;
    }

    /// <summary>Cuts at the column with the least ink within a third of a digit's width of each even cut.</summary>
    private static List<Mat> CutTouching(Mat mask, int pieces)
    {
        using var columns = new Mat();
        Cv2.Reduce(mask, columns, ReduceDimension.Row, ReduceTypes.Sum, MatType.CV_32SC1.Value);
        columns.GetArray(out int[] inkPerColumn);
        var step = (double)mask.Width / pieces;
        var cuts = new List<int> { 0 };
        for (var piece = 1; piece < pieces; piece++)
        {
            var centre = (int)(piece * step);
            var reach = Math.Max(1, (int)(step / 3));
            var from = Math.Max(cuts[^1] + 1, centre - reach);
            var to = Math.Min(mask.Width - 2, centre + reach);
            var best = Enumerable.Range(from, Math.Max(1, to - from + 1)).MinBy(column => inkPerColumn[Math.Min(column, mask.Width - 1)]);
            cuts.Add(best);
        }

        cuts.Add(mask.Width);
        var parts = new List<Mat>();
        for (var piece = 0; piece < pieces; piece++)
        {
            var width = cuts[piece + 1] - cuts[piece];
            if (width > 0)
            {
                using var part = new Mat(mask, new Rect(cuts[piece], 0, width, mask.Height));
                parts.Add(ToPaper(part));
            }
        }

        return parts;
    }

    /// <summary>The height of the ink (dark on white) in a digit image.</summary>
    private static int InkHeight(Mat paper)
    {
        using var ink = new Mat();
        Cv2.Threshold(paper, ink, 127, 255, ThresholdTypes.BinaryInv);
        return Cv2.BoundingRect(ink).Height;
    }

    private static Mat ToPaper(Mat mask)
    {
        var paper = new Mat();
        Cv2.BitwiseNot(mask, paper);
        return paper;
    }
}
