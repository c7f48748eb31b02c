/// Messages as they reach the centre's mailbox, modelled on real ones: a
/// Postfix hard bounce, a Postfix delay notice, a Microsoft 365 NDR, a Gmail
/// bounce without report part, the `List-Unsubscribe` mailto, a reply asking to
/// leave, a personal reply and an out-of-office. Line ends are CR LF, as IMAP gives them.
enum IncomingMailSamples {
    static let hardToken = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718"
    static let softToken = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a6978"
    static let microsoftToken = "5566778899aabbccddeeff00112233445566778899aabbcc"
    static let gmailToken = "ffeeddccbbaa99887766554433221100ffeeddccbbaa9988"
    static let mailtoToken = "1234567890abcdef1234567890abcdef1234567890abcdef"

    static func crlf(_ text: String) -> [UInt8] {
        Array(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n").utf8)
    }

    /// The header of a newsletter message as Crieur writes it, returned inside a bounce.
    static func originalHeader(to address: String, token: String, id: String) -> String {
        """
        Date: Mon, 7 Dec 2026 08:00:00 +0100
        From: CPAS de Soumagne <lettre@cpas-soumagne.be>
        To: <\(address)>
        Subject: Colis de =?UTF-8?Q?No=C3=ABl?=
        Message-ID: <\(id).crieur@cpas-soumagne.be>
        MIME-Version: 1.0
        List-Unsubscribe: <mailto:lettre@cpas-soumagne.be?subject=desinscription%20\(token)>
        Content-Type: multipart/alternative; boundary="=_crieur_1"
        """
    }

    static let hardBounce = crlf("""
    Return-Path: <>
    From: MAILER-DAEMON@relais.soumagne.be (Mail Delivery System)
    To: lettre@cpas-soumagne.be
    Subject: Undelivered Mail Returned to Sender
    Message-ID: <20261207080102.4F1A2@relais.soumagne.be>
    Auto-Submitted: auto-replied
    MIME-Version: 1.0
    Content-Type: multipart/report; report-type=delivery-status;
    \tboundary="4F1A2.1765090862/relais.soumagne.be"

    This is a MIME-encapsulated message.

    --4F1A2.1765090862/relais.soumagne.be
    Content-Description: Notification
    Content-Type: text/plain; charset=us-ascii

    I'm sorry to have to inform you that your message could not
    be delivered to one or more recipients.

    <parti@example.be>: host mx.example.be[192.0.2.10] said: 550 5.1.1
        <parti@example.be>: Recipient address rejected: User unknown

    --4F1A2.1765090862/relais.soumagne.be
    Content-Description: Delivery report
    Content-Type: message/delivery-status

    Reporting-MTA: dns; relais.soumagne.be
    X-Postfix-Queue-ID: 4F1A2
    Arrival-Date: Mon,  7 Dec 2026 08:00:01 +0100 (CET)

    Final-Recipient: rfc822; parti@example.be
    Original-Recipient: rfc822;parti@example.be
    Action: failed
    Status: 5.1.1
    Remote-MTA: dns; mx.example.be
    Diagnostic-Code: smtp; 550 5.1.1 <parti@example.be>: Recipient address
        rejected: User unknown

    --4F1A2.1765090862/relais.soumagne.be
    Content-Description: Undelivered Message Headers
    Content-Type: text/rfc822-headers

    \(originalHeader(to: "parti@example.be", token: hardToken, id: "00000000000000a1.0000000000000001"))

    --4F1A2.1765090862/relais.soumagne.be--
    """)

    static let softBounce = crlf("""
    From: MAILER-DAEMON@relais.soumagne.be (Mail Delivery System)
    To: lettre@cpas-soumagne.be
    Subject: Delayed Mail (still being retried)
    Message-ID: <20261207120000.77AA1@relais.soumagne.be>
    Auto-Submitted: auto-replied
    MIME-Version: 1.0
    Content-Type: multipart/report; report-type=delivery-status; boundary="77AA1.delay"

    --77AA1.delay
    Content-Type: text/plain; charset=us-ascii

    Your message could not be delivered for 4 hours. It will be retried until it is 5 days old.

    --77AA1.delay
    Content-Type: message/delivery-status

    Reporting-MTA: dns; relais.soumagne.be

    Final-Recipient: rfc822; plein@example.be
    Action: delayed
    Status: 4.2.2
    Diagnostic-Code: smtp; 452 4.2.2 Mailbox full

    --77AA1.delay
    Content-Type: message/rfc822

    \(originalHeader(to: "plein@example.be", token: softToken, id: "00000000000000a1.0000000000000002"))

    Bonjour,
    --77AA1.delay--
    """)

    static let microsoftBounce = crlf("""
    From: Microsoft Outlook
    \t<MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@soumagne.onmicrosoft.com>
    To: <lettre@cpas-soumagne.be>
    Date: Mon, 7 Dec 2026 07:00:03 +0000
    Subject: =?iso-8859-1?Q?Non_remis=A0:_Colis_de_No=EBl?=
    Content-Type: multipart/report; report-type=delivery-status;
    \tboundary="0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10"
    Content-Language: fr-BE
    Message-ID: <5f2a7c44-0b5e-4b8a-9a3b-1f0b2c3d4e5f@AM0PR02MB1234.eurprd02.prod.outlook.com>
    X-MS-Exchange-Message-Is-Ndr:
    Auto-Submitted: auto-replied
    MIME-Version: 1.0

    --0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10
    Content-Type: multipart/alternative; differences=Content-Type;
    \tboundary="b4e3c2d1-a0f9-4e8d-b7c6-a5f4e3d2c1b0"

    --b4e3c2d1-a0f9-4e8d-b7c6-a5f4e3d2c1b0
    Content-Type: text/plain; charset="iso-8859-1"
    Content-Transfer-Encoding: quoted-printable

    Votre message n'a pas pu =EAtre remis =E0 ancien@commune.example.be car l'ad=
    resse e-mail est introuvable.

    --b4e3c2d1-a0f9-4e8d-b7c6-a5f4e3d2c1b0
    Content-Type: text/html; charset="iso-8859-1"
    Content-Transfer-Encoding: quoted-printable

    <html><body><p>Votre message n'a pas pu =EAtre remis.</p></body></html>

    --b4e3c2d1-a0f9-4e8d-b7c6-a5f4e3d2c1b0--

    --0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10
    Content-Type: message/delivery-status

    Reporting-MTA: dns;AM0PR02MB1234.eurprd02.prod.outlook.com
    Received-From-MTA: dns;relais.soumagne.be
    Arrival-Date: Mon, 7 Dec 2026 07:00:01 +0000

    Final-Recipient: rfc822;ancien@commune.example.be
    Action: failed
    Status: 5.1.10
    Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient
     ancien@commune.example.be not found by SMTP address lookup
    X-Display-Name: ancien@commune.example.be

    --0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10
    Content-Type: message/rfc822

    \(originalHeader(to: "ancien@commune.example.be", token: microsoftToken, id: "00000000000000a1.0000000000000003"))

    --=_crieur_1--

    --0ff8b6a1-0f1e-4f6e-9d8a-6a3c2e5b7c10--
    """)

    /// Gmail's older form, which Exim and others still send: no report part, the status in the text.
    static let gmailTextBounce = crlf("""
    From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
    To: lettre@cpas-soumagne.be
    Subject: Delivery Status Notification (Failure)
    X-Failed-Recipients: disparu@gmail.com
    Message-ID: <000000000000abcd@google.com>
    Auto-Submitted: auto-replied
    Content-Type: text/plain; charset="UTF-8"

    ** Address not found **

    Your message wasn't delivered to disparu@gmail.com because the address couldn't be found.

    The response from the remote server was:
    550 5.1.1 The email account that you tried to reach does not exist. - gsmtp

    ----- Original message -----

    \(originalHeader(to: "disparu@gmail.com", token: gmailToken, id: "00000000000000a1.0000000000000004"))
    """)

    static let mailtoUnsubscribe = crlf("""
    From: Marie Lambert <marie.lambert@example.be>
    To: lettre@cpas-soumagne.be
    Subject: desinscription \(mailtoToken)
    Date: Tue, 8 Dec 2026 09:12:00 +0100
    Message-ID: <CAF=abc123@mail.example.be>
    Content-Type: text/plain; charset=utf-8

    """)

    static let replyUnsubscribe = crlf("""
    From: "Paul Henrard" <paul.henrard@example.be>
    To: lettre@cpas-soumagne.be
    Subject: RE: Colis de =?UTF-8?Q?No=C3=ABl?=
    Date: Tue, 8 Dec 2026 10:00:00 +0100
    Message-ID: <reply-42@example.be>
    Content-Type: text/plain; charset=utf-8
    Content-Transfer-Encoding: quoted-printable

    D=C3=A9sinscription svp, merci.

    Le lun. 7 d=C3=A9c. 2026 =C3=A0 08:00, CPAS de Soumagne a =C3=A9crit :
    > Pour ne plus la recevoir : se d=C3=A9sinscrire.
    """)

    static let personalReply = crlf("""
    From: Jeanne Collard <jeanne.collard@example.be>
    To: lettre@cpas-soumagne.be
    Subject: Re: Colis de Noël
    Date: Tue, 8 Dec 2026 11:00:00 +0100
    Message-ID: <personal-7@example.be>
    Content-Type: text/plain; charset=utf-8

    Bonjour, à quelle heure la permanence juridique ouvre-t-elle le jeudi ?

    Merci,
    Jeanne

    > Pour ne plus la recevoir : se désinscrire.
    """)

    static let outOfOffice = crlf("""
    From: Luc Renard <luc.renard@example.be>
    To: lettre@cpas-soumagne.be
    Subject: Absent : Colis de Noël
    Auto-Submitted: auto-replied
    Message-ID: <ooo-1@example.be>
    Content-Type: text/plain; charset=utf-8

    Je suis absent jusqu'au 4 janvier. Pour une désinscription, écrivez à ...
    """)
}
