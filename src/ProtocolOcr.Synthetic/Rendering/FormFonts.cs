namespace ProtocolOcr.Synthetic.Rendering;

/// <summary>TrueType fonts for printed form text. They must cover Cyrillic including Kazakh letters (ә ғ қ ң ө ұ ү һ і).</summary>
public sealed record FormFonts(string Regular, string Bold, string Italic)
{
    private const string DejaVuDirectory = "/usr/share/fonts/truetype/dejavu";

    /// <summary>DejaVu Serif: regular and bold from fonts-dejavu-core, italic from fonts-dejavu-extra.</summary>
    public static FormFonts DejaVuSerif { get; } = new(
        Path.Combine(DejaVuDirectory, "DejaVuSerif.ttf"),
        Path.Combine(DejaVuDirectory, "DejaVuSerif-Bold.ttf"),
        Path.Combine(DejaVuDirectory, "DejaVuSerif-Italic.ttf"));

    /// <exception cref="FileNotFoundException">A font file is missing (install fonts-dejavu-core and fonts-dejavu-extra).</exception>
    public FormFonts EnsureInstalled()
    {
        var missing = new[] { Regular, Bold, Italic }.FirstOrDefault(path => !File.Exists(path));
        return missing is null
            ? this
            : throw new FileNotFoundException($"Font '{missing}' is missing; install the Debian packages fonts-dejavu-core and fonts-dejavu-extra.", missing);
    }
}
