using System.Text.Json;
using BlazeFace.Imaging;

namespace BlazeFace.Web.Tracking;

/// <summary>
/// How one tracking connection follows its faces from frame to frame: a <see cref="FaceTracker"/>
/// (<see cref="TrackerFollower"/>), or with <c>mesh=true</c> a <see cref="FaceLandmarker"/>'s video form
/// (<see cref="LandmarkerFollower"/>). Its calls come one at a time, from one connection.
/// </summary>
internal interface IFaceFollower : IDisposable
{
    /// <summary>Follows the faces into the next frame, whose timestamp is later than the previous frame's.</summary>
    void Track(ImageView frame, TimeSpan timestamp);

    /// <summary>Writes the faces of the last frame tracked as the reply's <c>"faces"</c> property, with the CLI's video writer.</summary>
    void WriteFaces(Utf8JsonWriter json);
}
