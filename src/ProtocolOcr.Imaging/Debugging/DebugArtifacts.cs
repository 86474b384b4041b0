using OpenCvSharp;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Imaging.Page;

namespace ProtocolOcr.Imaging.Debugging;

/// <summary>
/// Writes each stage's image to a folder so a person can see where a photo went wrong
/// (01_decoded.png, 02_page.png, 03_aligned.png, 04_fields/ID.png). Does nothing without a folder.
/// </summary>
public sealed class DebugArtifacts
{
    private readonly string? _directory;

    public DebugArtifacts(string? directory) => _directory = directory;

    public bool IsEnabled => _directory is not null;

    public void Write(string name, Mat image)
    {
        if (_directory is null)
        {
            return;
        }

        string path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!Cv2.ImWrite(path, image))
        {
            throw new IOException($"Could not write debug image '{path}'.");
        }
    }

    /// <summary>Writes the image <paramref name="make"/> makes, only when enabled (some cost a full-page warp).</summary>
    public void Write(string name, Func<Mat> make)
    {
        if (_directory is null)
        {
            return;
        }

        using var image = make();
        Write(name, image);
    }

    public void WritePage(PageImage page)
    {
        if (!IsEnabled)
        {
            return;
        }

        using var overlay = page.Photo.Image.Channels() == 1 ? page.Photo.Image.CvtColor(ColorConversionCodes.GRAY2BGR) : page.Photo.Image.Clone();
        var corners = page.Quad.Corners.Select(p => new Point((int)p.X, (int)p.Y)).ToArray();
        int thickness = Math.Max(2, overlay.Width / 400);
        Cv2.Polylines(overlay, [corners], isClosed: true, Scalar.LimeGreen, thickness);
        Cv2.Circle(overlay, corners[0], thickness * 5, Scalar.Red, -1);
        Write("02_page.png", overlay);
    }

    public void WriteFields(IEnumerable<FieldCrop> crops)
    {
        foreach (var crop in crops)
        {
            Write(Path.Combine("04_fields", crop.Field.Id + ".png"), crop.Image);
        }
    }
}
