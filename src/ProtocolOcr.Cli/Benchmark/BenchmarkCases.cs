using ProtocolOcr.Synthetic.Generation;

namespace ProtocolOcr.Cli.Benchmark;

/// <summary>Every photo in a directory that has a truth file (<c>&lt;name&gt;.truth.json</c>), in name order.</summary>
public static class BenchmarkCases
{
    public static IReadOnlyList<BenchmarkCase> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No such directory: {directory}");
        }

        return Directory.EnumerateFiles(directory, "*" + PhotoTruth.FileSuffix)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var truth = PhotoTruth.Load(path);
                var photo = Path.Combine(directory, truth.Photo);
                return File.Exists(photo)
                    ? new BenchmarkCase(photo, truth)
                    : throw new FileNotFoundException($"Truth file '{path}' names photo '{truth.Photo}', which is missing.");
            })
            .ToList();
    }
}
