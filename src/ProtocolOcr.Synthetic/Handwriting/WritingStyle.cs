namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// How one writer writes digits throughout a protocol. <see cref="FontPath"/> null means MNIST test digits.
/// <see cref="Slant"/> is a horizontal shear (positive leans right); <see cref="StrokeThreshold"/> thins MNIST strokes
/// (higher is thinner); <see cref="StrokeDelta"/> thickens (+) or thins (-) font strokes by whole pixels.
/// </summary>
public sealed record WritingStyle(
    string? FontPath,
    string WordsFontPath,
    PenStyle Pen,
    bool Printed,
    double HeightFraction,
    double SizeJitter,
    double BaselineJitter,
    double PositionJitter,
    double Slant,
    double SlantJitter,
    double Spacing,
    double StrokeThreshold,
    int StrokeDelta,
    bool CrossedSeven,
    bool FlaggedOne)
{
    public static WritingStyle Handwritten(Random random, FontCatalog fonts)
    {
        var useFont = random.NextDouble() < 0.3;
        return new WritingStyle(
            FontPath: useFont ? fonts.Handwriting[random.Next(fonts.Handwriting.Count)] : null,
            WordsFontPath: fonts.Words[random.Next(fonts.Words.Count)],
            Pen: PenStyle.Ballpoint(random),
            Printed: false,
            HeightFraction: 0.55 + random.NextDouble() * 0.25,
            SizeJitter: 0.04 + random.NextDouble() * 0.08,
            BaselineJitter: 0.02 + random.NextDouble() * 0.06,
            PositionJitter: 0.04 + random.NextDouble() * 0.08,
            Slant: -0.05 + random.NextDouble() * 0.35,
            SlantJitter: 0.02 + random.NextDouble() * 0.06,
            Spacing: 0.05 + random.NextDouble() * 0.25,
            StrokeThreshold: 0.25 + random.NextDouble() * 0.4,
            StrokeDelta: random.Next(-1, 2),
            CrossedSeven: random.NextDouble() < 0.6,
            FlaggedOne: random.NextDouble() < 0.6);
    }

    public static WritingStyle Typed(Random random, FontCatalog fonts)
    {
        var font = fonts.Printed[random.Next(fonts.Printed.Count)];
        return new WritingStyle(
            FontPath: font,
            WordsFontPath: font,
            Pen: PenStyle.PrinterToner(random),
            Printed: true,
            HeightFraction: 0.45 + random.NextDouble() * 0.15,
            SizeJitter: 0,
            BaselineJitter: 0,
            PositionJitter: 0.01,
            Slant: 0,
            SlantJitter: 0,
            Spacing: 0.08,
            StrokeThreshold: 0,
            StrokeDelta: 0,
            CrossedSeven: false,
            FlaggedOne: false);
    }
}
