using System.CommandLine;
using ProtocolOcr.Core.Forms.Loading;
using ProtocolOcr.Synthetic.Rendering;

namespace ProtocolOcr.Cli.Commands;

/// <summary><c>render-form --form ID [--forms DIR] --out FILE</c>: draws a form's blank reference image (PNG).</summary>
public static class RenderFormCommand
{
    public static Command Create()
    {
        var formOption = new Option<string>("--form") { Description = "Form id, e.g. kz.president.2019", Required = true };
        var formsOption = new Option<string?>("--forms")
        {
            Description = $"Forms directory (default: ${FormsDirectory.EnvironmentVariable}, else the nearest forms/ folder)",
        };
        var outOption = new Option<FileInfo>("--out") { Description = "PNG file to write", Required = true };
        var command = new Command("render-form", "Render a form's blank reference image from its definition");
        command.Options.Add(formOption);
        command.Options.Add(formsOption);
        command.Options.Add(outOption);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var formId = parseResult.GetRequiredValue(formOption);
            var target = parseResult.GetRequiredValue(outOption);
            try
            {
                var catalog = FormCatalog.LoadDirectory(parseResult.GetValue(formsOption) ?? FormsDirectory.Locate());
                var form = catalog.Get(formId);
                target.Directory?.Create();
                new FormRenderer().RenderToFile(form, target.FullName);
                output.WriteLine($"{form.Id}: wrote {target.FullName} ({form.ReferenceSize.Width}x{form.ReferenceSize.Height})");
                return 0;
            }
            catch (Exception e) when (e is FormDefinitionException or KeyNotFoundException or DirectoryNotFoundException or FileNotFoundException)
            {
                error.WriteLine($"render-form: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
