using System.Text.RegularExpressions;

namespace ProtocolOcr.Cli.Tests.Docker;

/// <summary>
/// No Docker engine runs on these machines, so the docker/ files are checked statically against the code:
/// every path they copy or publish exists and every setting they pass is one the code reads.
/// </summary>
public sealed partial class DockerFilesTests
{
    private static readonly string DockerDirectory = Path.Combine(RepositoryRoot.Path, "docker");

    public static TheoryData<string> Dockerfiles() =>
        new(Directory.GetFiles(DockerDirectory, "Dockerfile.*").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Every_project_a_dockerfile_publishes_exists(string dockerfile)
    {
        var text = File.ReadAllText(Path.Combine(DockerDirectory, dockerfile));
        var projects = ProjectPath().Matches(text).Select(m => m.Value).ToList();

        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, p)), $"{dockerfile} publishes missing {p}"));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Every_folder_a_dockerfile_copies_from_the_repository_exists(string dockerfile)
    {
        var text = File.ReadAllText(Path.Combine(DockerDirectory, dockerfile));
        var sources = CopyFromContext().Matches(text).Select(m => m.Groups["source"].Value).Where(s => s != ".");

        Assert.All(sources, s => Assert.True(Directory.Exists(Path.Combine(RepositoryRoot.Path, s)), $"{dockerfile} copies missing {s}"));
    }

    [Fact]
    public void Compose_builds_only_dockerfiles_that_exist()
    {
        var compose = File.ReadAllText(Path.Combine(DockerDirectory, "compose.yaml"));
        var referenced = ComposeDockerfile().Matches(compose).Select(m => m.Groups["file"].Value).ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, f => Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, f)), $"compose builds missing {f}"));
    }

    [Fact]
    public void Every_setting_compose_and_dockerfiles_pass_is_read_by_the_code()
    {
        var dockerText = string.Concat(Directory.GetFiles(DockerDirectory).Select(File.ReadAllText));
        var settings = SettingName().Matches(dockerText).Select(m => m.Value).Distinct().ToList();
        var sourceText = string.Concat(Directory
            .EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText));

        Assert.NotEmpty(settings);
        Assert.All(settings, s => Assert.True(sourceText.Contains(s, StringComparison.Ordinal), $"docker passes {s}, which no code reads"));
    }

    [GeneratedRegex(@"src/[\w.]+/[\w.]+\.csproj")]
    private static partial Regex ProjectPath();

    [GeneratedRegex(@"^COPY (?!--from)(?<source>\S+) ", RegexOptions.Multiline)]
    private static partial Regex CopyFromContext();

    [GeneratedRegex(@"dockerfile: (?<file>\S+)")]
    private static partial Regex ComposeDockerfile();

    [GeneratedRegex(@"PROTOCOLOCR_[A-Z_]+")]
    private static partial Regex SettingName();
}
