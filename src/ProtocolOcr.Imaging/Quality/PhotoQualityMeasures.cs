namespace ProtocolOcr.Imaging.Quality;

/// <summary>
/// What the quality gate measures on a photo scaled to <see cref="PhotoQualityGate.MeasureLongSide"/> px.
/// <see cref="BrightLevel"/>: the grey level (0-255) that 1% of pixels exceed, i.e. how bright the paper is.
/// <see cref="SaturatedFraction"/>: share of pixels at 250 or above (blown-out white). <see cref="InkLevel"/>: the grey
/// level under which the darkest 0.5% of pixels lie, i.e. how dark the ink (or the darkest background) still is.
/// <see cref="Sharpness"/>: the steepest gradients (99.9th percentile of the Sobel magnitude after a 1 px Gaussian that
/// mutes sensor noise) divided by the photo's contrast (1st to 99th percentile of grey): about the inverse of the edge
/// blur width in pixels, whatever the exposure. <see cref="Busyness"/>: the median gradient over the steepest, low for
/// photos made of flat regions and edges, high for noise or texture everywhere.
/// </summary>
public sealed record PhotoQualityMeasures(
    double BrightLevel, double SaturatedFraction, double InkLevel, double Sharpness, double Busyness);
