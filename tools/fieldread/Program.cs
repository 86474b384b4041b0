using System.Globalization;
using System.Text.Json;
using OpenCvSharp;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Core.Pipeline;
using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;
using ProtocolOcr.Imaging.Registration;
using ProtocolOcr.Pipeline;
using ProtocolOcr.Pipeline.Arithmetic;
using ProtocolOcr.Recognition;
using ProtocolOcr.Recognition.Arbitration;
using ProtocolOcr.Recognition.Handwriting;
using ProtocolOcr.Recognition.Tesseract;
using ProtocolOcr.Tools.FieldRead;

// dump FORMS SET OUT   : runs the pipeline to the crops on every generated photo of SET, saves OUT/<photo>/<field>.png + truth.json
// eval FORMS OUT.tsv CROPS... : reads every saved crop with Tesseract and the digit engine, one TSV row per field,
//                              with the arbiter's decision on those two readings (value, confidence, status)
// montage EVAL.tsv CROPS OUT.png : the handwritten fields of CROPS read wrong in EVAL.tsv, one row each, to look at
TesseractRuntime.Initialize();
if (args.Length < 4 || args[0] is not ("dump" or "eval" or "montage"))
{
    Console.Error.WriteLine("usage: dump FORMS SET OUT | eval FORMS OUT.tsv CROPS... | montage EVAL.tsv CROPS OUT.png");
    return 2;
}

if (args[0] == "montage")
{
    using var digitEngine = DigitClassifier.Load();
    Montage.Write(args[1], args[2], args[3], Path.GetFileName(args[2].TrimEnd('/')), digitEngine);
    return 0;
}

var catalog = FormCatalog.LoadDirectory(args[1]);
if (args[0] == "dump")
{
    using var references = new FormReferences(catalog.FormIds, catalog.ReferenceImagePath);
    foreach (var photo in Directory.GetFiles(args[2], "*.jpg").Order(StringComparer.Ordinal))
    {
        var truthPath = Path.ChangeExtension(photo, null) + ".truth.json";
        using var truth = JsonDocument.Parse(File.ReadAllText(truthPath));
        var form = catalog.Get(truth.RootElement.GetProperty("form_id").GetString()!);
        var checkedBySum = RelationFields.CheckedBySum(form);
        var directory = Path.Combine(args[3], Path.GetFileNameWithoutExtension(photo));
        Directory.CreateDirectory(directory);
        File.Copy(truthPath, Path.Combine(directory, "truth.json"), true);
        var pipeline = new ProtocolPipeline(new CropRecorder(directory), PipelineSettings.Default, null, references, ArithmeticSettings.Default);
        var result = pipeline.Process(File.ReadAllBytes(photo), form, PipelineRunOptions.Default, CancellationToken.None);
        Console.WriteLine($"{Path.GetFileName(photo)}: {result.Status}");
    }

    return 0;
}

using var tesseract = new TesseractDigitReader();
using var classifier = DigitClassifier.Load();
var handwritten = new HandwrittenDigitReader(classifier);
var printedRecord = new RecordedReader(tesseract.EngineName);
var handwrittenRecord = new RecordedReader(handwritten.EngineName);
var arbiter = new EngineArbiter(printedRecord, handwrittenRecord, ArbiterSettings.Default, printWitness: handwritten.ForPrint);
using var output = new StreamWriter(args[2]);
output.WriteLine("set\tphoto\tfield\ttruth\ttv\ttc\tta\thv\thc\tha\tsum\tav\tac\tas");
foreach (var set in args.Skip(3))
{
    foreach (var directory in Directory.GetDirectories(set).Order(StringComparer.Ordinal))
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "truth.json")));
        var form = catalog.Get(truth.RootElement.GetProperty("form_id").GetString()!);
        var checkedBySum = RelationFields.CheckedBySum(form);
        var values = truth.RootElement.GetProperty("fields").EnumerateArray().ToDictionary(
            field => field.GetProperty("id").GetString()!,
            field => field.GetProperty("value").ValueKind == JsonValueKind.Null ? "" : field.GetProperty("value").GetRawText());
        foreach (var png in Directory.GetFiles(directory, "*.png").Order(StringComparer.Ordinal))
        {
            var field = form.Fields.Single(candidate => candidate.Id == Path.GetFileNameWithoutExtension(png));
            using var crop = new FieldCrop(field, field.Box, Cv2.ImRead(png, ImreadModes.Color), checkedBySum.Contains(field.Id));
            var printed = tesseract.Read(crop, CancellationToken.None);
            var written = handwritten.Read(crop, CancellationToken.None);
            (printedRecord.Reading, handwrittenRecord.Reading) = (printed, written);
            var decided = arbiter.Read(crop, CancellationToken.None);
            output.WriteLine(string.Join(
                '\t', Path.GetFileName(set), Path.GetFileName(directory), field.Id, values.GetValueOrDefault(field.Id, ""),
                Value(printed), Number(printed.Confidence), Alternatives(printed), Value(written), Number(written.Confidence), Alternatives(written), crop.CheckedBySum ? "1" : "0",
                Value(decided), Number(decided.Confidence), decided.Status));
        }
    }
}

return 0;

static string Value(FieldReading reading) => reading.Value?.ToString(CultureInfo.InvariantCulture) ?? "";

static string Number(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

static string Alternatives(FieldReading reading) =>
    string.Join(' ', reading.Alternatives.Select(alternative => $"{alternative.Value}:{Number(alternative.Confidence)}"));
