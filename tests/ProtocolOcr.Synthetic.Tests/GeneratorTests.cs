using OpenCvSharp;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Synthetic.Tests;

public sealed class GeneratorTests(SharedGenerator shared) : IClassFixture<SharedGenerator>
{
    private GeneratedPhoto Generate(CaptureLevel level, HandStyle hand, int seed, int index)
    {
        var form = TestForms.Get(TestForms.President2019);
        using var blank = TestForms.BlankPage(form);
        return shared.Generator.Generate(form, SynthesisPlan.Create(form), blank, new PhotoRequest(level, hand, seed, index));
    }

    [Fact]
    public void Same_seed_and_index_give_byte_identical_photo_and_truth()
    {
        var first = Generate(CaptureLevel.Phone, HandStyle.Mixed, 7, 3);
        var second = Generate(CaptureLevel.Phone, HandStyle.Mixed, 7, 3);
        var otherSeed = Generate(CaptureLevel.Phone, HandStyle.Mixed, 8, 3);

        Assert.Equal(first.Jpeg, second.Jpeg);
        Assert.Equal(first.Truth.ToJson(), second.Truth.ToJson());
        Assert.NotEqual(first.Jpeg, otherSeed.Jpeg);
    }

    [Fact]
    public void Handwritten_digits_come_only_from_the_mnist_test_part()
    {
        var used = Enumerable.Range(0, 4)
            .SelectMany(index => Generate(CaptureLevel.Clean, HandStyle.Handwritten, 11, index).Truth.Fields)
            .SelectMany(field => field.MnistSamples)
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, sample => Assert.Equal(
            MnistPart.Test, MnistSplit.PartOf(sample.Index, shared.Mnist.ClassCount(sample.Digit))));
    }

    [Fact]
    public void Truth_has_form_values_boxes_and_page_corners_inside_the_photo()
    {
        var photo = Generate(CaptureLevel.Clean, HandStyle.Printed, 3, 0);
        var truth = PhotoTruth.Load(WriteAndGetTruthPath(photo));

        Assert.Equal(TestForms.President2019, truth.FormId);
        Assert.Equal("clean", truth.Level);
        Assert.Null(truth.ExpectedReason);
        Assert.Equal(4, truth.PageCorners!.Count);
        Assert.Contains(truth.Fields, field => field.Id == "L1");
        Assert.All(truth.PageCorners.Concat(truth.Fields.SelectMany(field => field.Box)), point =>
        {
            Assert.InRange(point.X, 0, truth.ImageWidth);
            Assert.InRange(point.Y, 0, truth.ImageHeight);
        });
    }

    [Theory]
    [InlineData(HandStyle.Handwritten, 21)]
    [InlineData(HandStyle.Printed, 22)]
    public void Every_truth_box_holds_the_ink_of_its_value(HandStyle hand, int seed)
    {
        var form = TestForms.Get(TestForms.President2019);
        var photo = Generate(CaptureLevel.Clean, hand, seed, 0);
        using var image = Cv2.ImDecode(photo.Jpeg, ImreadModes.Grayscale);
        using var blank = TestForms.BlankPage(form);
        using var blankGray = blank.CvtColor(ColorConversionCodes.BGR2GRAY);

        foreach (var field in photo.Truth.Fields)
        {
            // Unwarp the truth box to an upright patch of the reference box's size and compare it with the blank form.
            var box = form.Field(field.Id).Box;
            using var unwarp = Cv2.GetPerspectiveTransform(
                field.Box.Select(point => new Point2f((float)point.X, (float)point.Y)),
                [new Point2f(0, 0), new Point2f(box.Width, 0), new Point2f(box.Width, box.Height), new Point2f(0, box.Height)]);
            using var patch = new Mat();
            Cv2.WarpPerspective(image, patch, unwarp, new Size(box.Width, box.Height));
            var inner = new Rect(6, 6, box.Width - 12, box.Height - 12);
            using var photoInner = new Mat(patch, inner);
            using var blankInner = new Mat(blankGray, new Rect(box.X + inner.X, box.Y + inner.Y, inner.Width, inner.Height));
            var paper = Percentile(photoInner, 0.9);
            var inkPixels = CountBelow(photoInner, paper * 0.6) - CountBelow(blankInner, 128);
            var expectedMinimum = field.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).Length * 15;
            Assert.True(inkPixels >= expectedMinimum, $"{field.Id}={field.Value}: {inkPixels} ink pixels in its truth box, expected >= {expectedMinimum}");
        }
    }

    [Theory]
    [InlineData(0, ReasonCodes.TooBlurry)]
    [InlineData(1, ReasonCodes.TooDark)]
    [InlineData(2, ReasonCodes.PageCutOff)]
    [InlineData(3, ReasonCodes.NotAProtocol)]
    public void Each_bad_class_carries_its_reason_and_its_degradation(int index, string reason)
    {
        var photo = Generate(CaptureLevel.Bad, HandStyle.Handwritten, 5, index);
        var phone = Generate(CaptureLevel.Phone, HandStyle.Handwritten, 5, index);
        using var image = Cv2.ImDecode(photo.Jpeg, ImreadModes.Grayscale);
        using var phoneImage = Cv2.ImDecode(phone.Jpeg, ImreadModes.Grayscale);
        Assert.Equal(reason, photo.Truth.ExpectedReason);

        switch (reason)
        {
            case ReasonCodes.TooBlurry:
                Assert.True(Sharpness(image) * 10 < Sharpness(phoneImage), $"blurry {Sharpness(image)} vs phone {Sharpness(phoneImage)}");
                break;
            case ReasonCodes.TooDark:
                Assert.True(Cv2.Mean(image).Val0 < 40, $"mean brightness {Cv2.Mean(image).Val0}");
                break;
            case ReasonCodes.PageCutOff:
                Assert.Contains(photo.Truth.PageCorners!, point =>
                    point.X < 0 || point.Y < 0 || point.X > photo.Truth.ImageWidth || point.Y > photo.Truth.ImageHeight);
                break;
            default:
                Assert.Null(photo.Truth.PageCorners);
                Assert.Empty(photo.Truth.Fields);
                break;
        }
    }

    private static string WriteAndGetTruthPath(GeneratedPhoto photo)
    {
        var directory = Directory.CreateTempSubdirectory("truth-").FullName;
        photo.WriteTo(directory);
        return Path.Combine(directory, photo.TruthFileName);
    }

    /// <summary>Variance of the Laplacian of a 1000-px-wide copy: the usual focus measure.</summary>
    private static double Sharpness(Mat image)
    {
        var scale = 1000.0 / image.Width;
        using var small = image.Resize(new Size(0, 0), scale, scale, InterpolationFlags.Area);
        using var laplacian = small.Laplacian(MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var deviation);
        return deviation.Val0 * deviation.Val0;
    }

    private static double Percentile(Mat gray, double fraction)
    {
        gray.GetArray(out byte[] values);
        Array.Sort(values);
        return values[(int)(fraction * (values.Length - 1))];
    }

    private static int CountBelow(Mat gray, double level)
    {
        using var mask = new Mat();
        Cv2.Threshold(gray, mask, level, 255, ThresholdTypes.BinaryInv);
        return Cv2.CountNonZero(mask);
    }
}
