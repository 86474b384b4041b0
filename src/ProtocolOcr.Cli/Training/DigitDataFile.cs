using ProtocolOcr.Recognition.Handwriting;

namespace ProtocolOcr.Cli.Training;

/// <summary>
/// Labelled normalized digits as the training script reads them (<c>tools/digits/train_cnn.py</c>): one record per
/// digit, its label as a little-endian int32 then its 28x28 pixels as little-endian float32, row-major.
/// </summary>
public static class DigitDataFile
{
    public const string Extension = ".bin";

    public static void Write(string path, IReadOnlyList<LabelledDigit> digits)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        foreach (var digit in digits)
        {
            writer.Write(digit.Label);
            foreach (var pixel in digit.Digit.Pixels)
            {
                writer.Write(pixel);
            }
        }
    }
}
