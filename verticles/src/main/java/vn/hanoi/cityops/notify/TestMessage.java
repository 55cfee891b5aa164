package vn.hanoi.cityops.notify;

/** The message a person sends themselves to try a contact point. */
final class TestMessage {
  private TestMessage() {
  }

  static Message of(ChannelKind channel) {
    return Message.of(
            new Message.Content("Thử kênh thông báo cityops",
                "Đây là tin nhắn thử qua kênh " + channel.code() + ". Nếu bạn đọc được, cảnh báo sẽ đến được bạn qua kênh này."),
            new Message.Content("cityops notification test",
                "This is a test message on your " + channel.code() + " channel. If you can read it, alerts can reach you here."))
        .withLink("/")
        .withTag("cityops-test");
  }
}
