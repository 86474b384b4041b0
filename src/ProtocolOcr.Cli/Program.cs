using System.CommandLine;
using ProtocolOcr.Cli.Commands;

var root = new RootCommand("ProtocolOcr: phone photos of election result protocols into verified numbers.")
{
    ProcessCommand.Create(),
    MigrateCommand.Create(),
    UploadCommand.Create(),
    GenerateCommand.Create(),
    BenchCommand.Create(),
    RenderFormCommand.Create(),
    TrainDigitsCommand.Create(),
    UsersCommand.Create(),
    TokensCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
