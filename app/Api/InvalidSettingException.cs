namespace Slices.Api;

/// <summary>
/// A setting that passed option validation but names something unusable, such as a key file that is
/// missing or contains the wrong key. Its message starts with the setting's name.
/// </summary>
public sealed class InvalidSettingException(string message, Exception? innerException = null)
    : Exception(message, innerException);
