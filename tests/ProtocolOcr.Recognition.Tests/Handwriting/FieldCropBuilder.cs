using OpenCvSharp;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Imaging.Fields;

namespace ProtocolOcr.Recognition.Tests.Handwriting;

/// <summary>
/// A field crop as the cropper cuts it: light paper, the printed box border, optionally digit cells, and digit images
/// (dark on light, any sizes) written left to right with a given gap (negative: the digits touch).
/// </summary>
internal static class FieldCropBuilder
{
    private const int Height = 72;
    private const int Border = 6;

    public static FieldCrop Build(IReadOnlyList<Mat> digits, int gap, int cells = 0)
    {
        var inkWidth = digits.Sum(digit => digit.Width) + gap * Math.Max(0, digits.Count - 1);
        var width = cells > 0 ? Math.Max(cells * 56, inkWidth) + 2 * Border : Math.Max(120, inkWidth + 40);
        using var page = new Mat(Height, width, MatType.CV_8UC1, Scalar.All(232));
        Cv2.Rectangle(page, new Rect(Border, Border, width - 2 * Border, Height - 2 * Border), Scalar.All(30), 2);
        if (cells > 0)
        {
            var cellWidth = (width - 2 * Border) / cells;
            for (var cell = 1; cell < cells; cell++)
            {
                var x = Border + cell * cellWidth;
                Cv2.Line(page, new Point(x, Border), new Point(x, Height - Border), Scalar.All(30), 1);
            }

            for (var index = 0; index < digits.Count; index++)
            {
                var digit = digits[index];
                var left = Border + index * cellWidth + (cellWidth - digit.Width) / 2;
                Place(page, digit, left);
            }
        }
        else
        {
            var left = (width - inkWidth) / 2;
            foreach (var digit in digits)
            {
                Place(page, digit, left);
                left += digit.Width + gap;
            }
        }

        var colour = new Mat();
        Cv2.CvtColor(page, colour, ColorConversionCodes.GRAY2BGR);
        var field = new FieldDefinition("L1", FieldKind.Count, new BoxRect(0, 0, width, Height), LocalizedText.Empty, DigitBoxes: cells);
        return new FieldCrop(field, field.Box, colour);
    }

    /// <summary>Darkest-wins placement, as ink over paper and over a neighbour's ink.</summary>
    private static void Place(Mat page, Mat digit, int left)
    {
        var top = (Height - digit.Height) / 2;
        using var region = new Mat(page, new Rect(left, top, digit.Width, digit.Height));
        Cv2.Min(region, digit, region);
    }
}
