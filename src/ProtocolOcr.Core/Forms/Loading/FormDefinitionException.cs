namespace ProtocolOcr.Core.Forms.Loading;

/// <summary>A form definition file that cannot be used, with where (file, 1-based line and column) and why.</summary>
public sealed class FormDefinitionException : Exception
{
    public FormDefinitionException(string file, int line, int column, string problem, Exception? inner = null)
        : base($"{file}:{line}:{column}: {problem}", inner)
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Problem { get; }
}
