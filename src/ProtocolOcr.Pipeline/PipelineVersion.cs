namespace ProtocolOcr.Pipeline;

/// <summary>Stored with every recognition, so results can be traced to (and re-run with) the pipeline that made them.</summary>
public static class PipelineVersion
{
    public const string Current = "v0.13";
}
