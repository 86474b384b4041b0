namespace ProtocolOcr.Synthetic.Handwriting;

/// <summary>
/// Font files from Debian packages used to write values. Handwriting-style fonts have Latin digits only
/// (fonts-dkg-handwriting, fonts-breip, fonts-humor-sans); words in kk/ru need Cyrillic, so they use italic
/// DejaVu/Liberation faces, which look closest to cursive. Only fonts present on the machine are listed.
/// </summary>
public sealed class FontCatalog
{
    private const string Root = "/usr/share/fonts/truetype";

    private FontCatalog(IReadOnlyList<string> handwriting, IReadOnlyList<string> printed, IReadOnlyList<string> words)
    {
        Handwriting = handwriting;
        Printed = printed;
        Words = words;
    }

    public IReadOnlyList<string> Handwriting { get; }

    public IReadOnlyList<string> Printed { get; }

    public IReadOnlyList<string> Words { get; }

    public static FontCatalog Debian()
    {
        var handwriting = Existing(
            "fifthhorseman/dkg.ttf", "fifthhorseman/dkgIt.ttf", "breip/Breip.ttf", "humor-sans/Humor-Sans.ttf");
        var printed = Existing(
            "dejavu/DejaVuSans.ttf", "liberation2/LiberationMono-Regular.ttf", "liberation2/LiberationSans-Regular.ttf");
        var words = Existing(
            "dejavu/DejaVuSans-Oblique.ttf", "liberation2/LiberationSerif-Italic.ttf", "dejavu/DejaVuSerif-Italic.ttf");
        if (handwriting.Count == 0 || printed.Count == 0 || words.Count == 0)
        {
            throw new FileNotFoundException(
                $"Fonts missing under {Root}: install fonts-dkg-handwriting, fonts-breip, fonts-humor-sans, fonts-dejavu, fonts-liberation2.");
        }

        return new FontCatalog(handwriting, printed, words);
    }

    private static List<string> Existing(params string[] relativePaths) =>
        relativePaths.Select(path => Path.Combine(Root, path)).Where(File.Exists).ToList();
}
