using System.CommandLine;
using ImageMagick;
using ProtocolOcr.Cli.Commands;

namespace ProtocolOcr.Cli.Tests.Commands;

public sealed class RenderFormCommandTests : IDisposable
{
    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("render-form-");

    [Fact]
    public void Renders_a_shipped_form_to_a_png()
    {
        var target = Path.Combine(_output.FullName, "nested", "ru.png");

        var (exitCode, stdout, _) = Run("--form", "ru.uik.federal", "--forms", FormsFolder(), "--out", target);

        Assert.Equal(0, exitCode);
        Assert.Contains("ru.uik.federal: wrote", stdout, StringComparison.Ordinal);
        using var image = new MagickImage(target);
        Assert.Equal((1654u, 2339u), (image.Width, image.Height));
    }

    [Fact]
    public void Unknown_form_fails_with_the_known_ids()
    {
        var (exitCode, _, stderr) = Run("--form", "kz.nowhere", "--forms", FormsFolder(), "--out", Path.Combine(_output.FullName, "x.png"));

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown form 'kz.nowhere'; known: kz.majilis.party-list", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_option_is_required()
    {
        var (exitCode, _, _) = Run("--out", Path.Combine(_output.FullName, "x.png"));

        Assert.NotEqual(0, exitCode);
    }

    public void Dispose() => _output.Delete(recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var root = new RootCommand { RenderFormCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = root.Parse(["render-form", .. args]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string FormsFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "ProtocolOcr.sln")))
        {
            directory = directory.Parent ?? throw new DirectoryNotFoundException("ProtocolOcr.sln not found above the tests.");
        }

        return Path.Combine(directory.FullName, "forms");
    }
}
