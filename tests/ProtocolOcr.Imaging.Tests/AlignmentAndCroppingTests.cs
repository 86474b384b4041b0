using OpenCvSharp;
using ProtocolOcr.Imaging.Decoding;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Imaging.Page;
using ProtocolOcr.TestSupport;

namespace ProtocolOcr.Imaging.Tests;

public sealed class AlignmentAndCroppingTests : IClassFixture<StagedPhotos>
{
    private readonly StagedPhotos _photos;

    public AlignmentAndCroppingTests(StagedPhotos photos) => _photos = photos;

    [Fact]
    public void Aligned_page_has_reference_size_and_looks_like_the_flat_page()
    {
        using var photo = new PhotoDecoder().Decode(_photos.Photo.Bytes);
        var page = new PageDetector().Detect(photo);

        using var aligned = new PerspectiveCorrector().Align(page, TestForms.Sample.ReferenceSize);

        Assert.Equal((1654, 2339), (aligned.Width, aligned.Height));
        using var whole = aligned.Whole();
        Assert.True(EdgeOverlap(whole, _photos.Page) > 0.6, "printed lines of the aligned page do not land on the flat page's lines");
    }

    [Fact]
    public void Every_numeric_field_is_cropped_with_its_margin()
    {
        using var aligned = new AlignedPage(_photos.Page.Clone());

        var crops = new FieldCropper(margin: 8).Crop(aligned, TestForms.Sample);
        try
        {
            Assert.Equal(14, crops.Length);
            var l1 = crops.Single(c => c.Field.Id == "L1");
            Assert.Equal(l1.Field.Box.X - 8, l1.CropBox.X);
            Assert.Equal(l1.Field.Box.Width + 16, l1.Image.Width);
            Assert.Equal(l1.Field.Box.Height + 16, l1.Image.Height);
        }
        finally
        {
            foreach (var crop in crops)
            {
                crop.Dispose();
            }
        }
    }

    /// <summary>Share of the flat page's dark pixels (ink) that are also dark, within 3 px, on the aligned page.</summary>
    private static double EdgeOverlap(Mat aligned, Mat flat)
    {
        using var alignedInk = Ink(aligned);
        using var flatInk = Ink(flat);
        using var tolerant = new Mat();
        Cv2.Dilate(alignedInk, tolerant, new Mat(7, 7, MatType.CV_8UC1, Scalar.All(1)));
        using var both = new Mat();
        Cv2.BitwiseAnd(flatInk, tolerant, both);
        return (double)Cv2.CountNonZero(both) / Cv2.CountNonZero(flatInk);
    }

    private static Mat Ink(Mat image)
    {
        using var gray = new Mat();
        if (image.Channels() == 1)
        {
            image.CopyTo(gray);
        }
        else
        {
            Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        }

        var ink = new Mat();
        Cv2.AdaptiveThreshold(gray, ink, 255, AdaptiveThresholdTypes.MeanC, ThresholdTypes.BinaryInv, 31, 25);
        return ink;
    }
}
