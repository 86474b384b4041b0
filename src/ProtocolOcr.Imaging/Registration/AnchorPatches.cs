using OpenCvSharp;

namespace ProtocolOcr.Imaging.Registration;

/// <summary>
/// Picks a form's anchor patches: the page is cut into a grid and each cell gives the window whose weaker structure
/// direction is strongest (OpenCV's minimum eigenvalue of the gradient covariance over the window), so a patch holds
/// a box corner or a crossing of rules, not a lone line that could slide along itself. Cells with no such window
/// (blank paper) give none.
/// </summary>
internal static class AnchorPatches
{
    public const int PatchSize = 32;

    /// <summary>The search margin kept free around every patch so it can be looked for inside the page.</summary>
    public const int Margin = 8;

    private const int Columns = 5;
    private const int Rows = 7;

    /// <summary>A cell's best window must reach this share of the page's best to be an anchor.</summary>
    private const double MinShareOfBest = 0.15;

    public static AnchorPatch[] Pick(Mat structure)
    {
        using var cornerness = new Mat();
        Cv2.CornerMinEigenVal(structure, cornerness, PatchSize, 3);
        cornerness.MinMaxLoc(out double _, out double best);

        int half = PatchSize / 2;
        int usableLeft = half + Margin;
        int usableTop = half + Margin;
        int usableWidth = structure.Width - (2 * usableLeft);
        int usableHeight = structure.Height - (2 * usableTop);
        var anchors = new List<AnchorPatch>();
        for (int row = 0; row < Rows; row++)
        {
            for (int column = 0; column < Columns; column++)
            {
                var cell = new Rect(
                    usableLeft + (column * usableWidth / Columns), usableTop + (row * usableHeight / Rows),
                    usableWidth / Columns, usableHeight / Rows);
                using var cellView = new Mat(cornerness, cell);
                cellView.MinMaxLoc(out double _, out double strongest, out Point _, out Point at);
                if (strongest < MinShareOfBest * best)
                {
                    continue;
                }

                var center = new Point(cell.X + at.X, cell.Y + at.Y);
                using var patch = new Mat(structure, new Rect(center.X - half, center.Y - half, PatchSize, PatchSize)).Clone();
                patch.GetArray(out float[] pixels);
                anchors.Add(new AnchorPatch(new Point2f(center.X, center.Y), PatchCorrelation.Normalised(pixels)));
            }
        }

        return anchors.ToArray();
    }
}
