using OpenCvSharp;
using ProtocolOcr.Recognition.Handwriting;
using ProtocolOcr.Synthetic.Handwriting;

namespace ProtocolOcr.Cli.Training;

/// <summary>
/// The digit engine's data, all through <see cref="DigitNormalizer"/>. MNIST Train part, per class: the first 90%
/// train (each also twice augmented, and optionally augmented and photographed by <see cref="PhotoDegrader"/>), the
/// last 10% validate (temperatures, accept threshold and calibration only), as they are and also photographed (the
/// photographed ones join the fit only with <c>train-digits --pooled-validation</c>). Fonts: every handwriting and printed font
/// except <see cref="UnseenFont"/> trains, as augmented renders with European 1 and 7.
/// Held out, reported only: the MNIST Test part, the same photographed, the same with European 1 and 7 drawn in, and
/// the unseen font. Validation and held-out digits are drawn from fixed seeds, so pairs trained from different seeds
/// are calibrated and scored on the same digits.
/// </summary>
public sealed class DigitDataset
{
    public const double ValidationFraction = 0.1;
    private const int AugmentedCopies = 2;
    public const string UnseenFont = "humor-sans/Humor-Sans.ttf";
    private const int RendersPerFontDigit = 60;
    private const int UnseenRendersPerDigit = 50;
    /// <summary>The held-out sets' seed (the shipped pair's training seed, so its stated figures stay comparable).</summary>
    private const int HeldOutSeed = 20261123;
    private const int ValidationPhotoSeed = 20261207;
    public const string CleanValidation = "mnist-validation";
    public const string PhotographedValidation = "mnist-validation-photo";

    private readonly MnistDigits mnist;
    private readonly FontCatalog fonts;
    private readonly GlyphRasterizer rasterizer;
    private readonly int photographedCopies;

    /// <param name="photographedCopies">Copies of each MNIST training digit augmented and then photographed.</param>
    public DigitDataset(MnistDigits mnist, FontCatalog fonts, GlyphRasterizer rasterizer, int photographedCopies)
    {
        this.mnist = mnist;
        this.fonts = fonts;
        this.rasterizer = rasterizer;
        this.photographedCopies = photographedCopies;
    }

    public IReadOnlyList<string> TrainingFonts =>
        fonts.Handwriting.Concat(fonts.Printed).Where(font => !font.EndsWith(UnseenFont, StringComparison.Ordinal)).ToList();

    public string HeldOutFont =>
        fonts.Handwriting.FirstOrDefault(font => font.EndsWith(UnseenFont, StringComparison.Ordinal))
        ?? throw new FileNotFoundException($"The held-out font {UnseenFont} is missing (apt-get install fonts-humor-sans).");

    public List<LabelledDigit> Training(int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var digits = new List<LabelledDigit>();
        for (var digit = 0; digit < 10; digit++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trainCount = TrainOrdinals(digit);
            for (var ordinal = 0; ordinal < trainCount; ordinal++)
            {
                using var ink = MnistInk(mnist.Get(digit, MnistPart.Train, ordinal));
                Add(digits, ink, digit, "mnist-train");
                for (var copy = 0; copy < AugmentedCopies; copy++)
                {
                    using var varied = InkAugmenter.Vary(ink, digit, random, europeanChance: 0.4);
                    Add(digits, varied, digit, "mnist-train-augmented");
                }

                for (var copy = 0; copy < photographedCopies; copy++)
                {
                    using var varied = InkAugmenter.Vary(ink, digit, random, europeanChance: 0.4);
                    AddPhotographed(digits, varied, digit, "mnist-train-photo", random);
                }
            }
        }

        foreach (var font in TrainingFonts)
        {
            digits.AddRange(FontDigits(font, RendersPerFontDigit, random, "font-train", cancellationToken));
        }

        return digits;
    }

    /// <summary>
    /// The validation slice by source name: the last 10% of the Train part per class as it is
    /// (<c>mnist-validation</c>) and each of them photographed as the reader would cut it (<c>mnist-validation-photo</c>,
    /// without the digits the reader would not see as one).
    /// </summary>
    public Dictionary<string, List<LabelledDigit>> Validation(CancellationToken cancellationToken)
    {
        var camera = new Random(ValidationPhotoSeed);
        var clean = new List<LabelledDigit>();
        var photographed = new List<LabelledDigit>();
        for (var digit = 0; digit < 10; digit++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = mnist.Count(digit, MnistPart.Train);
            for (var ordinal = TrainOrdinals(digit); ordinal < count; ordinal++)
            {
                using var ink = MnistInk(mnist.Get(digit, MnistPart.Train, ordinal));
                Add(clean, ink, digit, CleanValidation);
                AddPhotographed(photographed, ink, digit, PhotographedValidation, camera);
            }
        }

        return new Dictionary<string, List<LabelledDigit>>
        {
            [CleanValidation] = clean,
            [PhotographedValidation] = photographed,
        };
    }

    /// <summary>Held-out sets by source name. Never used to train or to choose anything.</summary>
    public Dictionary<string, List<LabelledDigit>> HeldOut(CancellationToken cancellationToken)
    {
        var random = new Random(HeldOutSeed + 1);
        // A generator of its own, so the other held-out sets stay the digits they were before photos were added.
        var camera = new Random(HeldOutSeed + 2);
        var test = new List<LabelledDigit>();
        var photographed = new List<LabelledDigit>();
        var european = new List<LabelledDigit>();
        for (var digit = 0; digit < 10; digit++)
        {
            for (var ordinal = 0; ordinal < mnist.Count(digit, MnistPart.Test); ordinal++)
            {
                using var ink = MnistInk(mnist.Get(digit, MnistPart.Test, ordinal));
                Add(test, ink, digit, "mnist-test");
                AddPhotographed(photographed, ink, digit, "mnist-test-photo", camera);
                if (digit is 1 or 7)
                {
                    using var varied = InkAugmenter.Vary(ink, digit, random, europeanChance: 1);
                    Add(european, varied, digit, "mnist-test-european-1-7");
                }
            }
        }

        return new Dictionary<string, List<LabelledDigit>>
        {
            ["mnist-test"] = test,
            ["mnist-test-photo"] = photographed,
            ["mnist-test-european-1-7"] = european,
            ["unseen-font-humor-sans"] = FontDigits(HeldOutFont, UnseenRendersPerDigit, random, "unseen-font-humor-sans", cancellationToken),
        };
    }

    private int TrainOrdinals(int digit) =>
        (int)Math.Floor(mnist.Count(digit, MnistPart.Train) * (1 - ValidationFraction));

    private List<LabelledDigit> FontDigits(string font, int renders, Random random, string source, CancellationToken cancellationToken)
    {
        var digits = new List<LabelledDigit>();
        for (var digit = 0; digit < 10; digit++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var master = rasterizer.Character(font, (char)('0' + digit));
            for (var render = 0; render < renders; render++)
            {
                // Render small first, as a phone crop would be, then vary.
                var height = random.Next(18, 64);
                var width = Math.Max(2, (int)Math.Round(master.Width * (double)height / master.Height));
                using var small = new Mat();
                Cv2.Resize(master, small, new Size(width, height), 0, 0, InterpolationFlags.Area);
                using var varied = InkAugmenter.Vary(small, digit, random, europeanChance: 0.5);
                Add(digits, varied, digit, source);
            }
        }

        return digits;
    }

    private static Mat MnistInk(MnistSample sample) =>
        Mat.FromPixelData(MnistSample.Side, MnistSample.Side, MatType.CV_32FC1, sample.Pixels).Clone();

    private static void Add(List<LabelledDigit> digits, Mat ink, int label, string source)
    {
        var normalized = DigitNormalizer.FromInk(ink);
        if (normalized is not null)
        {
            digits.Add(new LabelledDigit(normalized, label, source));
        }
    }

    /// <summary>Adds the digit as the reader would cut it from a phone photo; nothing when the reader would not see one digit.</summary>
    private static void AddPhotographed(List<LabelledDigit> digits, Mat ink, int label, string source, Random random)
    {
        using var photo = PhotoDegrader.Photograph(ink, random);
        if (photo is not null && DigitNormalizer.FromPaper(photo) is { } normalized)
        {
            digits.Add(new LabelledDigit(normalized, label, source));
        }
    }
}
