using OpenCvSharp;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>An ink: its colour (BGR, 0..255) and how strongly full ink covers the paper (0..1).</summary>
public sealed record PenStyle(string Name, Scalar Colour, double Opacity)
{
    public static PenStyle BlueBallpoint(Random random) =>
        new("blue_ballpoint", new Scalar(150 + random.Next(60), 40 + random.Next(40), 10 + random.Next(30)), 0.8 + random.NextDouble() * 0.18);

    public static PenStyle BlackBallpoint(Random random)
    {
        var level = 25 + random.Next(35);
        return new("black_ballpoint", new Scalar(level + 10, level, level), 0.8 + random.NextDouble() * 0.18);
    }

    public static PenStyle PrinterToner(Random random)
    {
        var level = 10 + random.Next(25);
        return new("printer_toner", new Scalar(level, level, level), 0.92 + random.NextDouble() * 0.08);
    }

    public static PenStyle Ballpoint(Random random) => random.NextDouble() < 0.65 ? BlueBallpoint(random) : BlackBallpoint(random);
}
