using System.CommandLine;
using System.Text.Json;
using ProtocolOcr.Cli.Commands;
using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Forms.Synthesis;
using ProtocolOcr.Synthetic.Generation;
using ProtocolOcr.Synthetic.Handwriting;
using ProtocolOcr.Synthetic.Photo;

namespace ProtocolOcr.Cli.Tests;

public sealed class ProcessCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("protocol-ocr-process-");
    private readonly FormDefinition _form = FormCatalog.LoadDirectory(FormsDirectory.Locate()).Get(ProcessCommand.DefaultForm);

    [Fact]
    public async Task Json_lists_each_photo_with_its_fields_and_a_noise_photo_as_rejected()
    {
        var (protocol, values) = WriteProtocolPhoto("protocol.jpg");
        string noise = WriteNoisePhoto("noise.jpg");

        var (exitCode, output, _) = await Run("process", protocol, noise, "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["protocol.jpg", "noise.jpg"], results.Select(r => r.GetProperty("photo").GetString()));
        var recognition = results[0].GetProperty("recognition");
        Assert.Equal("accepted", recognition.GetProperty("status").GetString());
        var l1 = recognition.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("fieldId").GetString() == "L1");
        Assert.Equal(values["L1"], l1.GetProperty("value").GetInt64());
        Assert.Equal("accepted", l1.GetProperty("status").GetString());
        var rejected = results[1].GetProperty("recognition");
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("page_not_found", rejected.GetProperty("rejection").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Table_shows_field_label_value_confidence_and_status_and_debug_images_are_written()
    {
        var (protocol, values) = WriteProtocolPhoto("table.jpg");
        string debug = Path.Combine(_folder.FullName, "debug");

        var (exitCode, output, _) = await Run("process", protocol, "--debug", debug);

        Assert.Equal(0, exitCode);
        Assert.Contains("table.jpg: accepted", output);
        var l1Row = output.Split('\n').Single(line => line.TrimStart().StartsWith("L1 ", StringComparison.Ordinal));
        Assert.Contains($" {values["L1"]} ", l1Row);
        Assert.Contains("accepted", l1Row);
        Assert.Contains("Тізімге", l1Row);
        Assert.True(File.Exists(Path.Combine(debug, "table.jpg", "03_aligned.png")));
    }

    [Fact]
    public async Task Unknown_form_and_missing_photo_are_argument_errors()
    {
        var (protocol, _) = WriteProtocolPhoto("any.jpg");

        var unknown = await Run("process", protocol, "--form", "xx.nothing");
        var missing = await Run("process", Path.Combine(_folder.FullName, "absent.jpg"));

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown_form", unknown.Error);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("absent.jpg", missing.Error);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var root = new RootCommand { ProcessCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A clean photo of the shipped form with printed numbers, from the benchmark's generator.</summary>
    private (string Path, IReadOnlyDictionary<string, long> Values) WriteProtocolPhoto(string name)
    {
        var catalog = FormCatalog.LoadDirectory(FormsDirectory.Locate());
        using var blank = BlankForm.Load(catalog, _form);
        using var generator = new ProtocolGenerator(MnistDigits.FromNodeModules(), FontCatalog.Debian());
        var photo = generator.Generate(_form, SynthesisPlan.Create(_form), blank,
            new PhotoRequest(CaptureLevel.Clean, HandStyle.Printed, Seed: 21, Index: 0, ViolationRate: 0, MaxMegapixels: 2));
        string path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, photo.Jpeg);
        return (path, photo.Truth.Fields.ToDictionary(f => f.Id, f => f.Value, StringComparer.Ordinal));
    }

    private string WriteNoisePhoto(string name)
    {
        using var noise = new OpenCvSharp.Mat(3000, 2250, OpenCvSharp.MatType.CV_8UC3);
        OpenCvSharp.Cv2.Randu(noise, OpenCvSharp.Scalar.All(0), OpenCvSharp.Scalar.All(255));
        OpenCvSharp.Cv2.ImEncode(".jpg", noise, out byte[] jpeg);
        string path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, jpeg);
        return path;
    }
}
