namespace ProtocolOcr.Imaging.Registration;

/// <summary>Where the coarse fit that registration refined came from.</summary>
public enum RegistrationStart
{
    /// <summary>The sheet's outline found by the page detector (either way up).</summary>
    PageOutline,

    /// <summary>Printed features of the page matched to the reference's (ORB + RANSAC), when the outline was missing or wrong.</summary>
    FeatureMatch,
}
