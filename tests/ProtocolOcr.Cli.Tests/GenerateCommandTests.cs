using System.CommandLine;
using OpenCvSharp;
using ProtocolOcr.Cli.Commands;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Synthetic.Generation;

namespace ProtocolOcr.Cli.Tests;

public sealed class GenerateCommandTests
{
    private const string FormId = "kz.president.2019";

    [Fact]
    public async Task Generates_photos_with_truth_files_reproducibly()
    {
        var forms = FormsWithReferenceImage();
        var first = Directory.CreateTempSubdirectory("generate-a-").FullName;
        var second = Directory.CreateTempSubdirectory("generate-b-").FullName;

        var (exitA, _, errorA) = await Run("generate", "--form", FormId, "--level", "phone", "--hand", "mixed", "--count", "2", "--seed", "9", "--out", first, "--forms", forms);
        var (exitB, _, _) = await Run("generate", "--form", FormId, "--level", "phone", "--hand", "mixed", "--count", "2", "--seed", "9", "--out", second, "--forms", forms, "--jobs", "2");

        Assert.True(exitA == 0, errorA);
        Assert.Equal(0, exitB);
        var photos = Directory.GetFiles(first, "*.jpg").Order().ToList();
        Assert.Equal(2, photos.Count);
        foreach (var photo in photos)
        {
            var name = Path.GetFileName(photo);
            Assert.Equal(File.ReadAllBytes(photo), File.ReadAllBytes(Path.Combine(second, name)));
            var truth = PhotoTruth.Load(Path.ChangeExtension(photo, null) + PhotoTruth.FileSuffix);
            Assert.Equal(name, truth.Photo);
            Assert.Equal("phone", truth.Level);
            Assert.Equal(9, truth.Seed);
        }
    }

    [Fact]
    public async Task Unknown_form_is_an_argument_error()
    {
        var (exit, _, error) = await Run("generate", "--form", "xx.none", "--out", Path.GetTempPath(), "--forms", FormsWithReferenceImage());

        Assert.Equal(2, exit);
        Assert.Contains("unknown_form", error);
    }

    [Fact]
    public async Task Level_outside_the_four_is_refused()
    {
        var (exit, _, _) = await Run("generate", "--form", FormId, "--level", "extreme", "--out", Path.GetTempPath());

        Assert.NotEqual(0, exit);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { GenerateCommand.Create() };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A forms folder with the shipped form and a plain blank page of boxes as its reference image.</summary>
    private static string FormsWithReferenceImage()
    {
        var directory = Directory.CreateTempSubdirectory("forms-").FullName;
        var yaml = Path.Combine(FormsDirectory.Locate(), FormId + ".yaml");
        File.Copy(yaml, Path.Combine(directory, FormId + ".yaml"));
        var shippedImage = Path.ChangeExtension(yaml, ".png");
        if (File.Exists(shippedImage))
        {
            File.Copy(shippedImage, Path.Combine(directory, FormId + ".png"));
            return directory;
        }

        var form = FormLoader.LoadFile(yaml);
        using var page = new Mat(new Size(form.ReferenceSize.Width, form.ReferenceSize.Height), MatType.CV_8UC3, Scalar.All(255));
        foreach (var field in form.Fields)
        {
            Cv2.Rectangle(page, new Rect(field.Box.X, field.Box.Y, field.Box.Width, field.Box.Height), Scalar.All(0), 2);
        }

        Cv2.ImWrite(Path.Combine(directory, FormId + ".png"), page);
        return directory;
    }
}
