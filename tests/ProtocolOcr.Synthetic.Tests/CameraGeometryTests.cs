using OpenCvSharp;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Synthetic.Tests;

public sealed class CameraGeometryTests
{
    private static readonly Size A4 = new(1654, 2339);

    [Theory]
    [InlineData(CaptureLevel.Clean)]
    [InlineData(CaptureLevel.Phone)]
    [InlineData(CaptureLevel.Hard)]
    public void Usable_photos_keep_the_whole_page_in_view_with_a_margin(CaptureLevel level)
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var placement = CameraGeometry.Place(A4, CapturePresets.Sample(level, new Random(seed)));
            var margin = 0.019 * Math.Min(placement.Frame.Width, placement.Frame.Height);
            Assert.All(placement.Corners, corner =>
            {
                Assert.InRange(corner.X, margin, placement.Frame.Width - margin);
                Assert.InRange(corner.Y, margin, placement.Frame.Height - margin);
            });
        }
    }

    [Fact]
    public void Cut_off_photos_push_part_of_the_page_out_of_the_frame()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var placement = CameraGeometry.Place(A4, CapturePresets.SampleBad(BadPhotoKind.PageCutOff, new Random(seed)));
            Assert.Contains(placement.Corners, corner =>
                corner.X < 0 || corner.Y < 0 || corner.X > placement.Frame.Width || corner.Y > placement.Frame.Height);
        }
    }

    [Fact]
    public void Quarter_turns_put_the_page_top_left_where_the_turn_says()
    {
        var upright = CapturePresets.Sample(CaptureLevel.Clean, new Random(1)) with { RollDegrees = 0, PitchDegrees = 0, YawDegrees = 0 };
        var upsideDown = CameraGeometry.Place(A4, upright with { QuarterTurns = 2 });
        var straight = CameraGeometry.Place(A4, upright);

        Assert.True(straight.Corners[0].Y < straight.Corners[3].Y, "upright: top-left above bottom-left");
        Assert.True(upsideDown.Corners[0].Y > upsideDown.Corners[3].Y, "half turn: top-left below bottom-left");
    }
}
