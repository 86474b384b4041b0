using OpenCvSharp;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Imaging.Registration;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Imaging.Tests;

/// <summary>The managed matcher keeps exactly the pairs OpenCV's brute-force Hamming matcher and the ratio test keep.</summary>
public sealed class BinaryDescriptorsTests(GeneratedPhotos generated) : IClassFixture<GeneratedPhotos>
{
    private const float Ratio = 0.8f;

    [Fact]
    public void A_photo_matched_to_its_form_keeps_the_pairs_OpenCV_keeps()
    {
        using var reference = Cv2.ImRead(Path.Combine(FormsDirectory.Locate(), $"{GeneratedPhotos.FormId}.png"), ImreadModes.Grayscale);
        using var smallReference = new Mat();
        Cv2.Resize(reference, smallReference, new Size(), 0.35, 0.35, InterpolationFlags.Area);
        using var photo = Cv2.ImDecode(generated.Generate(CaptureLevel.Phone, 330, 0).Jpeg, ImreadModes.Grayscale);
        using var referenceDescriptors = OrbDescriptors(smallReference);
        using var photoDescriptors = OrbDescriptors(photo);

        var pairs = BinaryDescriptors.From(referenceDescriptors).RatioMatches(BinaryDescriptors.From(photoDescriptors), Ratio);

        using var matcher = new BFMatcher(NormTypes.Hamming);
        var expected = matcher.KnnMatch(referenceDescriptors, photoDescriptors, 2)
            .Where(candidates => candidates.Length == 2 && candidates[0].Distance < Ratio * candidates[1].Distance)
            .Select(candidates => (candidates[0].QueryIdx, candidates[0].TrainIdx))
            .ToArray();
        Assert.True(expected.Length >= 50, $"only {expected.Length} pairs pass the ratio test: the comparison says little");
        Assert.Equal(expected, pairs);
    }

    [Fact]
    public void A_tie_for_the_nearest_is_not_a_match()
    {
        var descriptor = Enumerable.Range(0, 32).Select(i => (byte)(i * 37)).ToArray();
        using var query = Rows(descriptor);
        using var tied = Rows(descriptor, descriptor, Enumerable.Repeat((byte)0, 32).ToArray());
        using var clear = Rows(descriptor, Enumerable.Repeat((byte)0, 32).ToArray());

        Assert.Empty(BinaryDescriptors.From(query).RatioMatches(BinaryDescriptors.From(tied), Ratio));
        Assert.Equal([(0, 0)], BinaryDescriptors.From(query).RatioMatches(BinaryDescriptors.From(clear), Ratio));
    }

    [Fact]
    public void Descriptors_that_are_not_ORB_bytes_are_refused()
    {
        using var floats = new Mat(3, 32, MatType.CV_32FC1, Scalar.All(1));

        Assert.Throws<ArgumentException>(() => BinaryDescriptors.From(floats));
    }

    private static Mat OrbDescriptors(Mat gray)
    {
        using var orb = ORB.Create(2000);
        var descriptors = new Mat();
        orb.DetectAndCompute(gray, null, out _, descriptors);
        return descriptors;
    }

    private static Mat Rows(params byte[][] rows)
    {
        var mat = new Mat(rows.Length, 32, MatType.CV_8UC1);
        mat.SetArray(rows.SelectMany(row => row).ToArray());
        return mat;
    }
}
