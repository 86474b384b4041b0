using OpenCvSharp;

namespace ProtocolOcr.Imaging.Page;

/// <summary>Stage 3 output: the page warped flat to the form's reference size (grey, as decoded), so field boxes apply directly.</summary>
public sealed class AlignedPage : IDisposable
{
    public AlignedPage(Mat image) => Image = image;

    public Mat Image { get; }

    public void Dispose() => Image.Dispose();
}
