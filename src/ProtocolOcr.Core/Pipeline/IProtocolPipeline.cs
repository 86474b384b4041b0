using ProtocolOcr.Core.Forms;
using ProtocolOcr.Core.Recognition;

namespace ProtocolOcr.Core.Pipeline;

/// <summary>
/// Photo bytes in, recognised protocol out. The worker, the CLI and the benchmark all call this one pipeline.
/// Bad photos come back as a rejected recognition; only unexpected faults throw.
/// </summary>
public interface IProtocolPipeline
{
    Task<ProtocolRecognition> ProcessAsync(
        ReadOnlyMemory<byte> photo, FormDefinition form, PipelineRunOptions options, CancellationToken cancellationToken);
}
