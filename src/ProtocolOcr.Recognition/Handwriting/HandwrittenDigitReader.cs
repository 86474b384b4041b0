using System.Globalization;
using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;

namespace ProtocolOcr.Recognition.Handwriting;

/// <summary>
/// Reads a handwritten number with the digit engine: the crop is cleaned like Tesseract's (<see cref="DigitCropPreprocessor"/>),
/// split into digits (<see cref="DigitSegmenter"/>), and each digit normalized and classified. The value's confidence
/// is the product of the digits' calibrated confidences; alternatives swap one digit for its runner-up.
/// Thread-safe (the classifier is).
/// </summary>
public sealed class HandwrittenDigitReader : IFieldReader
{
    public const string Engine = "digits-hog-svm";

    private const int MaxDigits = 18;
    private const int MaxAlternatives = 3;

    /// <summary>How far below the paper's grey ink is levelled (a light ballpoint stroke is 40-100 below paper; 70 and 130 read fewer generated fields right).</summary>
    private const int InkDepth = 100;

    private readonly DigitClassifier classifier;

    public HandwrittenDigitReader(DigitClassifier classifier) => this.classifier = classifier;

    public string EngineName => Engine;

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var levelled = LevelInk(crop.Image);
        using var prepared = DigitCropPreprocessor.Prepare(levelled, keepFaintStrokes: true);
        if (prepared.IsEmpty)
        {
            return Reading(crop, null, "", 0, [], FieldStatus.Empty);
        }

        var images = DigitSegmenter.Split(prepared.Image);
        try
        {
            if (images.Count is 0 or > MaxDigits)
            {
                return Reading(crop, null, "", 0, [], FieldStatus.NeedsReview);
            }

            var digits = new List<DigitClassification>();
            foreach (var image in images)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var normalized = DigitNormalizer.FromPaper(image);
                if (normalized is not null)
                {
                    digits.Add(classifier.Classify(normalized));
                }
            }

            if (digits.Count == 0)
            {
                return Reading(crop, null, "", 0, [], FieldStatus.NeedsReview);
            }

            var text = string.Concat(digits.Select(digit => digit.Digit.ToString(CultureInfo.InvariantCulture)));
            var confidence = digits.Aggregate(1.0, (product, digit) => product * digit.Confidence);
            return Reading(crop, long.Parse(text, CultureInfo.InvariantCulture), text, confidence, Alternatives(digits, text), FieldStatus.NeedsReview);
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }
    }

    /// <summary>
    /// Grey with everything darker than a moderate ink level raised to that level. The printed box border is darker
    /// than a light pen stroke; unlevelled, Otsu's threshold falls between border and stroke and light digits vanish.
    /// </summary>
    private static Mat LevelInk(Mat image)
    {
        var gray = new Mat();
        if (image.Channels() == 1)
        {
            image.CopyTo(gray);
        }
        else
        {
            Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        }

        gray.GetArray(out byte[] values);
        Array.Sort(values);
        var paper = values[values.Length / 2];
        var floor = Math.Max(0, paper - InkDepth);
        Cv2.Max(gray, new Scalar(floor), gray);
        return gray;
    }

    /// <summary>Each position's runner-up in place of its digit, scored as "that digit was wrong, the others right".</summary>
    private static List<ValueAlternative> Alternatives(IReadOnlyList<DigitClassification> digits, string text) =>
        digits
            .Select((digit, position) =>
            {
                var othersRight = digits.Where((_, other) => other != position).Aggregate(1.0, (product, d) => product * d.Confidence);
                var swapped = string.Concat(text.AsSpan(0, position), digit.RunnerUp.ToString(CultureInfo.InvariantCulture), text.AsSpan(position + 1));
                return new ValueAlternative(long.Parse(swapped, CultureInfo.InvariantCulture), Math.Clamp(othersRight * (1 - digit.Confidence), 0, 1));
            })
            .Where(alternative => alternative.Value.ToString(CultureInfo.InvariantCulture) != text)
            .Strongest(MaxAlternatives);

    private static FieldReading Reading(
        FieldCrop crop, long? value, string text, double confidence, IReadOnlyList<ValueAlternative> alternatives, FieldStatus status) =>
        new(crop.Field.Id, value, text, confidence, status, null, alternatives, Engine, crop.CropBox);
}
