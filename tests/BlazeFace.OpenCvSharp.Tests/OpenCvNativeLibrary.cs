using OpenCvSharp;

namespace BlazeFace.OpenCvSharp.Tests;

/// <summary>
/// Loads OpenCV's native library once before any test, so a machine without it gets one clear failure saying what
/// to install instead of a TypeInitializationException in every test.
/// </summary>
[SetUpFixture]
public class OpenCvNativeLibrary
{
    [OneTimeSetUp]
    public void Load()
    {
        try
        {
            TestContext.Progress.WriteLine($"OpenCV {Cv2.GetVersionString()}");
        }
        catch (TypeInitializationException e) when (e.InnerException is DllNotFoundException missing)
        {
            Assert.Fail(
                "OpenCvSharp4.official.runtime.linux-x64's libOpenCvSharpExtern.so could not be loaded: its highgui part " +
                $"needs GTK 3 (Debian: apt-get install -y libgtk-3-0; .ci/run installs it). {missing.Message}");
        }
    }
}
