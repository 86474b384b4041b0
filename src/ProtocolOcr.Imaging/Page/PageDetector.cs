using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Decoding;

namespace ProtocolOcr.Imaging.Page;

/// <summary>
/// Stage 2: finds the page as the largest convex quadrilateral that is plausibly a sheet of paper, looking both at
/// edges (Canny) and at the bright region (Otsu). There is deliberately no whole-frame fallback: a photo where no page
/// outline is visible is rejected with <c>page_not_found</c>, because reading fields from a guessed frame would put
/// confident numbers in the wrong boxes. A later registration stage against the form's printed lines can relax this.
/// </summary>
public sealed class PageDetector
{
    private const double MinAreaFraction = 0.15;
    private const double MaxAreaFraction = 0.97;
    private const double MinSideRatio = 0.3;
    private const double MinOutlineSupport = 0.6;
    private const double MaxInteriorEdgeDensity = 0.2;
    private const double FrameMarginFraction = 0.006;
    private const int MaxLineQuadLines = 10;
    private const double SureOutlineSupport = 0.95;

    private static readonly Mat SmallKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
    private static readonly Mat CloseKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(7, 7));

    public PageImage Detect(DecodedPhoto photo)
    {
        double scale = photo.PreviewScale;
        using var gray = new Mat();
        Cv2.GaussianBlur(photo.Preview, gray, new Size(5, 5), 0);

        using var edges = new Mat();
        Cv2.Canny(gray, edges, 40, 120);
        using var thickEdges = new Mat();
        Cv2.Dilate(edges, thickEdges, SmallKernel);
        using var bright = new Mat();
        double otsuLevel = Cv2.Threshold(gray, bright, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        Cv2.MorphologyEx(bright, bright, MorphTypes.Close, CloseKernel);

        using var support = new Mat();
        Cv2.Dilate(edges, support, CloseKernel);
        double frameArea = (double)gray.Width * gray.Height;

        // Edge contours are listed with their holes: the inside of the page's outline ring stays a clean candidate even
        // when clutter or a thumb touches the outline from outside and merges with it.
        // The bright region cut along the edges separates a page from bright clutter (other papers) it touches.
        using var brightCut = new Mat();
        Cv2.Subtract(bright, thickEdges, brightCut);
        using var brighter = BrighterPart(gray, otsuLevel);
        Cv2.Subtract(brighter, thickEdges, brighter);
        var best = Largest(
            CandidateQuads(thickEdges, RetrievalModes.List)
                .Concat(CandidateQuads(brighter, RetrievalModes.External))
                .Concat(CandidateQuads(bright, RetrievalModes.External))
                .Concat(CandidateQuads(brightCut, RetrievalModes.External)),
            frameArea, edges, support);
        // Quads from straight lines (a Hough transform on the half-size edges, still two thirds of this stage's cost
        // where it runs: DEV phone 211, 43 of 100 photos, 50 against 16 core-ms) only when no contour lies on the page
        // outline nearly all round; on DEV (220 photos) this changed no page found.
        if (best is null || OutlineSupport(best.Corners, support) < SureOutlineSupport)
        {
            best = Largest(LineQuads.From(edges, MaxLineQuadLines).Append(best).OfType<PageQuad>(), frameArea, edges, support);
        }

        if (best is not null && RunsAlongTheFrame(best, gray.Size()))
        {
            throw CutOff();
        }

        if (best is null && LooksCutOff(bright, edges, frameArea))
        {
            throw CutOff();
        }

        if (best is null)
        {
            throw new PhotoRejectedException(
                ReasonCodes.PageNotFound,
                "No page outline was found: photograph the whole protocol on a darker surface with all four corners visible.");
        }

        return new PageImage(photo, best.Scale(1 / scale).AsPortrait());
    }

    /// <summary>
    /// The upper class of a second Otsu split among the bright pixels: paper on a light-grey desk, where one Otsu
    /// split puts page and desk together.
    /// </summary>
    private static Mat BrighterPart(Mat gray, double otsuLevel)
    {
        using var counts = new Mat();
        Cv2.CalcHist([gray], [0], null, counts, 1, [256], [new Rangef(0, 256)]);
        counts.GetArray(out float[] histogram);
        var brighter = new Mat(gray.Size(), MatType.CV_8UC1, Scalar.Black);
        if (OtsuThreshold.Level(histogram, (int)otsuLevel + 1) is not { } level)
        {
            return brighter;
        }

        Cv2.Threshold(gray, brighter, level, 255, ThresholdTypes.Binary);
        Cv2.MorphologyEx(brighter, brighter, MorphTypes.Close, CloseKernel);
        return brighter;
    }

    /// <summary>The largest plausible page, but a quad bulging around a thumb or clutter off the outline loses to the true one.</summary>
    private static PageQuad? Largest(IEnumerable<PageQuad> candidates, double frameArea, Mat edges, Mat support) =>
        candidates.Where(quad => IsPlausiblePage(quad, frameArea, edges, support))
            .MaxBy(quad => quad.Area * Math.Pow(OutlineSupport(quad.Corners, support), 4));

    public static PhotoRejectedException CutOff() => new(
        ReasonCodes.PageCutOff,
        "Part of the page is outside the photo: step back so all four corners of the protocol are in the picture.");

    /// <summary>
    /// A quad with a whole side on the photo's border is the visible part of a page that continues outside the frame
    /// (the bright region stops at the border); a real page outline has a margin of background around it.
    /// </summary>
    private static bool RunsAlongTheFrame(PageQuad quad, Size frame)
    {
        double margin = FrameMarginFraction * Math.Max(frame.Width, frame.Height);
        bool NearLeft(Point2f p) => p.X <= margin;
        bool NearTop(Point2f p) => p.Y <= margin;
        bool NearRight(Point2f p) => p.X >= frame.Width - 1 - margin;
        bool NearBottom(Point2f p) => p.Y >= frame.Height - 1 - margin;
        var corners = quad.Corners;
        return Enumerable.Range(0, 4).Any(i =>
        {
            var a = corners[i];
            var b = corners[(i + 1) % 4];
            return (NearLeft(a) && NearLeft(b)) || (NearTop(a) && NearTop(b)) || (NearRight(a) && NearRight(b)) || (NearBottom(a) && NearBottom(b));
        });
    }

    private static IEnumerable<PageQuad> CandidateQuads(Mat binary, RetrievalModes mode)
    {
        Cv2.FindContours(binary, out Point[][] contours, out _, mode, ContourApproximationModes.ApproxSimple);
        double minArea = MinAreaFraction * binary.Width * binary.Height;
        foreach (var contour in contours)
        {
            if (Cv2.ContourArea(contour) < minArea)
            {
                continue;
            }

            var hull = Cv2.ConvexHull(contour);
            double perimeter = Cv2.ArcLength(hull, true);
            foreach (double tolerance in new[] { 0.02, 0.035, 0.05 })
            {
                var approx = Cv2.ApproxPolyDP(hull, tolerance * perimeter, true);
                if (approx.Length == 4 && Cv2.IsContourConvex(approx))
                {
                    yield return PageQuad.FromCorners(approx.Select(p => new Point2f(p.X, p.Y)).ToArray());
                    break;
                }
            }
        }
    }

    /// <summary>
    /// A page has a sane size and shape, its outline lies on real edges, and its inside is mostly calm paper
    /// (random texture, e.g. noise or foliage, has edges everywhere).
    /// </summary>
    private static bool IsPlausiblePage(PageQuad quad, double frameArea, Mat edges, Mat support)
    {
        double areaFraction = quad.Area / frameArea;
        if (areaFraction is < MinAreaFraction or > MaxAreaFraction)
        {
            return false;
        }

        var corners = quad.Corners;
        var sides = Enumerable.Range(0, 4).Select(i => PageQuad.Distance(corners[i], corners[(i + 1) % 4])).ToArray();
        if (sides.Min() / sides.Max() < MinSideRatio)
        {
            return false;
        }

        return OutlineSupport(corners, support) >= MinOutlineSupport
            && InteriorEdgeDensity(corners, edges) <= MaxInteriorEdgeDensity;
    }

    /// <summary>
    /// No page quad, but a large calm bright region that runs into the photo's edge without filling the photo: a page
    /// with part of it outside the frame (a uniform or noisy photo is bright all over, or nowhere).
    /// </summary>
    private static bool LooksCutOff(Mat bright, Mat edges, double frameArea)
    {
        Cv2.FindContours(bright, out Point[][] contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var largest = contours.MaxBy(contour => Cv2.ContourArea(contour));
        double areaFraction = largest is null ? 0 : Cv2.ContourArea(largest) / frameArea;
        if (largest is null || areaFraction is < MinAreaFraction or > MaxAreaFraction)
        {
            return false;
        }

        var bounds = Cv2.BoundingRect(largest);
        bool touchesEdge = bounds.X <= 1 || bounds.Y <= 1 || bounds.Right >= bright.Width - 1 || bounds.Bottom >= bright.Height - 1;
        var hull = Cv2.ConvexHull(largest).Select(p => new Point2f(p.X, p.Y)).ToArray();
        return touchesEdge && InteriorEdgeDensity(hull, edges) <= MaxInteriorEdgeDensity;
    }

    private static double OutlineSupport(Point2f[] corners, Mat support)
    {
        const int samplesPerSide = 50;
        int hits = 0;
        for (int side = 0; side < 4; side++)
        {
            var from = corners[side];
            var to = corners[(side + 1) % 4];
            for (int i = 0; i < samplesPerSide; i++)
            {
                double t = (i + 0.5) / samplesPerSide;
                int x = Math.Clamp((int)Math.Round(from.X + ((to.X - from.X) * t)), 0, support.Width - 1);
                int y = Math.Clamp((int)Math.Round(from.Y + ((to.Y - from.Y) * t)), 0, support.Height - 1);
                if (support.At<byte>(y, x) != 0)
                {
                    hits++;
                }
            }
        }

        return hits / (4.0 * samplesPerSide);
    }

    private static double InteriorEdgeDensity(Point2f[] corners, Mat edges)
    {
        using var mask = new Mat(edges.Size(), MatType.CV_8UC1, Scalar.Black);
        var center = new Point2f(corners.Average(p => p.X), corners.Average(p => p.Y));
        // Shrink towards the centre so the outline itself does not count as interior texture.
        var inner = corners.Select(p => new Point((int)(center.X + ((p.X - center.X) * 0.9)), (int)(center.Y + ((p.Y - center.Y) * 0.9))))
            .ToArray();
        Cv2.FillConvexPoly(mask, inner, Scalar.White);
        double inside = Cv2.CountNonZero(mask);
        using var interiorEdges = new Mat();
        Cv2.BitwiseAnd(edges, mask, interiorEdges);
        return inside == 0 ? 1 : Cv2.CountNonZero(interiorEdges) / inside;
    }
}
