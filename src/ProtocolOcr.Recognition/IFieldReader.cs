using ProtocolOcr.Core.Recognition;
using ProtocolOcr.Imaging.Fields;

namespace ProtocolOcr.Recognition;

/// <summary>
/// Reads the value in one field crop. Engines (Tesseract for print, the handwritten-digit engine) plug in here.
/// The reading's Status is provisional (<see cref="FieldStatus.Empty"/> when the box holds no ink, otherwise
/// <see cref="FieldStatus.NeedsReview"/> with no reason, and a null value when the ink could not be read):
/// the pipeline's decision stage sets the final status.
/// Implementations must be thread-safe.
/// </summary>
public interface IFieldReader
{
    string EngineName { get; }

    FieldReading Read(FieldCrop crop, CancellationToken cancellationToken);
}
