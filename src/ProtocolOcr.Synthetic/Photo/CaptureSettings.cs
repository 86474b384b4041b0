namespace ProtocolOcr.Synthetic.Photo;

/// <summary>
/// The concrete conditions of one photo, drawn from a level's ranges (see <see cref="CapturePresets"/>). Blur lengths
/// are in reference-page pixels (a digit stroke is ~3), so they mean the same at every resolution.
/// <see cref="CutOff"/> is the fraction of the page's extent pushed out of the frame (0 normally).
/// </summary>
public sealed record CaptureSettings(
    double Megapixels,
    double PitchDegrees,
    double YawDegrees,
    double RollDegrees,
    int QuarterTurns,
    double Fill,
    double OffsetX,
    double OffsetY,
    double CutOff,
    double Exposure,
    double LightFalloff,
    double ShadowDarkness,
    double GlareStrength,
    int Fingers,
    double DefocusSigma,
    double MotionLength,
    double MotionAngleDegrees,
    double NoiseSigma,
    int JpegQuality,
    bool Clutter);
