using ProtocolOcr.Core;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// File names of the digit engine inside its model directory (<c>tessdata/digits</c>), and how to find that directory:
/// <c>PROTOCOLOCR_DIGIT_MODELS</c> if set, otherwise the first <c>tessdata/digits</c> walking up from the application's
/// base directory, then from the current directory.
/// </summary>
public static class DigitModelFiles
{
    public const string EnvironmentVariable = "PROTOCOLOCR_DIGIT_MODELS";
    public const string Cnn = "cnn.onnx";
    public const string CnnCalibration = "cnn.json";

    public static string Locate() => DataDirectory.Locate(
        EnvironmentVariable,
        Path.Combine("tessdata", "digits"),
        directory => File.Exists(Path.Combine(directory, Cnn)),
        $"set {EnvironmentVariable}.");
}
