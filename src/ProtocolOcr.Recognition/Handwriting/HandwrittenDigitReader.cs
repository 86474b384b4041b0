using System.Globalization;
using OpenCvSharp;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging;
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
    public const string Engine = "digits-cnn";

    private const int MaxDigits = 18;
    private const int MaxAlternatives = 5;

    /// <summary>
    /// Weight of the segmentation prior: an option of k digits for a group w digit-widths wide is weighted
    /// exp(-SegmentationPriorPerDigit * |k - max(1, w)|) before the classifier's confidences.
    /// </summary>
    private const double SegmentationPriorPerDigit = 1.0;

    /// <summary>How far below the paper's grey ink is levelled (a light ballpoint stroke is 40-100 below paper; 70 and 130 read fewer generated fields right).</summary>
    private const int InkDepth = 100;

    private readonly DigitClassifier classifier;

    private readonly bool forPrint;

    /// <param name="classifier">The digit engine.</param>
    /// <param name="forPrint">
    /// Prepare the crop as for Tesseract (plain Otsu, no ink levelling): levelling and hysteresis fatten dark printed
    /// strokes until narrow printed digits touch ("206" read as "28").
    /// </param>
    public HandwrittenDigitReader(DigitClassifier classifier, bool forPrint = false)
    {
        this.classifier = classifier;
        this.forPrint = forPrint;
    }

    public string EngineName => Engine;

    /// <summary>The same engine reading crops prepared for print (see the constructor's forPrint).</summary>
    public HandwrittenDigitReader ForPrint => forPrint ? this : new HandwrittenDigitReader(classifier, forPrint: true);

    public FieldReading Read(FieldCrop crop, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var prepared = Prepare(crop.Image);
        if (prepared.IsEmpty)
        {
            return Reading(crop, null, "", 0, [], FieldStatus.Empty);
        }

        var groups = DigitSegmenter.Split(prepared.Image);
        try
        {
            if (groups.Count is 0 or > MaxDigits)
            {
                return Reading(crop, null, "", 0, [], FieldStatus.NeedsReview);
            }

            var readings = GroupReading.OfField(groups, classifier, SegmentationPriorPerDigit);

            var digits = readings.SelectMany(reading => reading.Best.Digits).ToList();
            if (digits.Count is 0 or > MaxDigits)
            {
                return Reading(crop, null, "", 0, [], FieldStatus.NeedsReview);
            }

            var text = Text(readings.Select(reading => reading.Best));
            var confidence = digits.Aggregate(1.0, (product, digit) => product * digit.Confidence)
                * readings.Aggregate(1.0, (product, reading) => product * reading.Share(reading.Best));
            var alternatives = Alternatives(digits, text, confidence).Concat(OtherCuts(readings, confidence)).Strongest(MaxAlternatives);
            return Reading(crop, long.Parse(text, CultureInfo.InvariantCulture), text, confidence, alternatives, FieldStatus.NeedsReview);
        }
        finally
        {
            foreach (var group in groups)
            {
                group.Dispose();
            }
        }
    }

    /// <summary>The crop cleaned as this reader cleans it before segmentation (ink levelled for handwriting, then <see cref="DigitCropPreprocessor"/>).</summary>
    public PreparedDigits Prepare(Mat image) => forPrint ? DigitCropPreprocessor.Prepare(image) : PrepareHandwriting(image);

    /// <summary>A handwritten crop cleaned as the reader cleans it; also how the engine's training prepares its photographed digits.</summary>
    public static PreparedDigits PrepareHandwriting(Mat image)
    {
        using var levelled = LevelInk(image);
        return DigitCropPreprocessor.Prepare(levelled, handwritten: true);
    }

    private static string Text(IEnumerable<GroupOption> options) =>
        string.Concat(options.SelectMany(option => option.Digits).Select(digit => digit.Digit.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The value with one group read another way (cut where it was kept whole, or whole where it was cut).</summary>
    private static IEnumerable<ValueAlternative> OtherCuts(IReadOnlyList<GroupReading> readings, double confidence)
    {
        for (var index = 0; index < readings.Count; index++)
        {
            var reading = readings[index];
            foreach (var option in reading.Options.Where(option => !ReferenceEquals(option, reading.Best)))
            {
                var text = Text(readings.Select((other, position) => position == index ? option : other.Best));
                if (text.Length is 0 or > MaxDigits)
                {
                    continue;
                }

                var ratio = reading.Share(option) * option.DigitConfidence / (reading.Share(reading.Best) * reading.Best.DigitConfidence);
                yield return new ValueAlternative(long.Parse(text, CultureInfo.InvariantCulture), Math.Clamp(confidence * ratio, 0, 1));
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

        var paper = Histograms.Median(gray);
        var floor = Math.Max(0, paper - InkDepth);
        Cv2.Max(gray, new Scalar(floor), gray);
        return gray;
    }

    /// <summary>Each position's runner-up in place of its digit, scored as "that digit was wrong, the others right".</summary>
    private static IEnumerable<ValueAlternative> Alternatives(IReadOnlyList<DigitClassification> digits, string text, double confidence) =>
        digits
            .Select((digit, position) =>
            {
                var othersRight = confidence / Math.Max(digit.Confidence, 1e-6);
                var swapped = string.Concat(text.AsSpan(0, position), digit.RunnerUp.ToString(CultureInfo.InvariantCulture), text.AsSpan(position + 1));
                return new ValueAlternative(long.Parse(swapped, CultureInfo.InvariantCulture), Math.Clamp(othersRight * (1 - digit.Confidence), 0, 1));
            })
            .Where(alternative => alternative.Value.ToString(CultureInfo.InvariantCulture) != text);

    private static FieldReading Reading(
        FieldCrop crop, long? value, string text, double confidence, IReadOnlyList<ValueAlternative> alternatives, FieldStatus status) =>
        new(crop.Field.Id, value, text, confidence, status, null, alternatives, Engine, crop.CropBox);
}
