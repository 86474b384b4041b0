using OpenCvSharp;

namespace ProtocolOcr.Imaging.Page;

/// <summary>
/// Stage 3 output: the page flat at the form's reference size (grey, as decoded), so field boxes apply directly. A page
/// found in a photo is warped region by region, only where something is read: the fields, words and title lines cover
/// about a fifth of the page, and warping all of it cost ~50 core-ms a photo (TEST phone, v0.11), a quarter of the
/// geometry. <see cref="Region"/> gives the same pixels a crop of the whole warp would.
/// </summary>
public sealed class AlignedPage : IDisposable
{
    private readonly Mat _source;
    private readonly bool _ownsSource;

    /// <summary>Reference-page pixel to source pixel (3x3, row major); null when the source is the flat page itself.</summary>
    private readonly double[]? _pageToSource;

    /// <summary>A page that is already flat at its reference size; the page owns <paramref name="image"/>.</summary>
    public AlignedPage(Mat image)
        : this(image, ownsSource: true, pageToSource: null, image.Size())
    {
    }

    private AlignedPage(Mat source, bool ownsSource, double[]? pageToSource, Size size)
    {
        _source = source;
        _ownsSource = ownsSource;
        _pageToSource = pageToSource;
        Size = size;
    }

    public Size Size { get; }

    public int Width => Size.Width;

    public int Height => Size.Height;

    public Rect Bounds => new(0, 0, Width, Height);

    /// <summary>
    /// The page as <paramref name="photo"/> shows it through <paramref name="pageToPhoto"/> (reference-page pixel to photo
    /// pixel, 3x3 row major). The photo stays its owner's and must outlive the page.
    /// </summary>
    public static AlignedPage InPhoto(Mat photo, double[] pageToPhoto, Size size) =>
        pageToPhoto.Length == 9 ? new AlignedPage(photo, ownsSource: false, (double[])pageToPhoto.Clone(), size)
            : throw new ArgumentException("A homography has 9 elements.", nameof(pageToPhoto));

    /// <summary>
    /// The pixels of <paramref name="area"/> (inside <see cref="Bounds"/>), a new image the caller owns; bilinear, the
    /// photo's edge pixels repeated where the page runs out of the photo.
    /// </summary>
    public Mat Region(Rect area)
    {
        if (area.Width <= 0 || area.Height <= 0 || (area & Bounds) != area)
        {
            throw new ArgumentOutOfRangeException(nameof(area), $"{area} is not inside the page {Width}x{Height}.");
        }

        if (_pageToSource is null)
        {
            using var view = new Mat(_source, area);
            return view.Clone();
        }

        using var shifted = Mat.FromPixelData(3, 3, MatType.CV_64FC1, Shifted(_pageToSource, area.X, area.Y));
        var region = new Mat();
        Cv2.WarpPerspective(
            _source, region, shifted, area.Size, InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Replicate);
        return region;
    }

    /// <summary><see cref="Region"/> in grey (pages built in code and tests may be colour); caller owns it.</summary>
    public Mat GreyRegion(Rect area)
    {
        var region = Region(area);
        if (region.Channels() != 1)
        {
            Cv2.CvtColor(region, region, ColorConversionCodes.BGR2GRAY);
        }

        return region;
    }

    /// <summary>The whole page (debug images, the page kept for the review page); caller owns it.</summary>
    public Mat Whole() => Region(Bounds);

    /// <summary>The page turned half round, sharing this page's source (which must outlive it).</summary>
    public AlignedPage TurnedHalfRound()
    {
        double[] turn = [-1, 0, Width - 1, 0, -1, Height - 1, 0, 0, 1];
        return new AlignedPage(_source, ownsSource: false, Multiply(_pageToSource ?? [1, 0, 0, 0, 1, 0, 0, 0, 1], turn), Size);
    }

    public void Dispose()
    {
        if (_ownsSource)
        {
            _source.Dispose();
        }
    }

    /// <summary>The map of the region whose top-left page pixel is (<paramref name="x"/>, <paramref name="y"/>).</summary>
    private static double[] Shifted(double[] map, int x, int y) => Multiply(map, [1, 0, x, 0, 1, y, 0, 0, 1]);

    private static double[] Multiply(double[] a, double[] b)
    {
        var product = new double[9];
        for (int row = 0; row < 3; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                product[(row * 3) + column] =
                    (a[row * 3] * b[column]) + (a[(row * 3) + 1] * b[3 + column]) + (a[(row * 3) + 2] * b[6 + column]);
            }
        }

        return product;
    }
}
