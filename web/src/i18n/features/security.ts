// Words of the two-factor sign-in (login page).
export const nl = {
  mfa: {
    codeTitle: 'Code uit uw authenticator-app',
    codeIntro: 'Open de authenticator-app op uw telefoon en typ de code van 6 cijfers voor "Veilig Thuis backoffice".',
    code: 'Code (6 cijfers)',
    verify: 'Bevestigen',
    enrolTitle: 'Tweestapsverificatie instellen',
    enrolIntro:
      'Omdat u met dossiers werkt, meldt u zich aan met een wachtwoord én een code uit een authenticator-app (bijvoorbeeld Microsoft Authenticator of FreeOTP). Stel dat nu eenmalig in.',
    step1: 'Scan de QR-code met de app, of voer de sleutel hieronder met de hand in.',
    qrAlt: 'QR-code om deze backoffice aan uw authenticator-app toe te voegen',
    manualKey: 'Sleutel om met de hand in te voeren',
    step2: 'Typ de code die de app nu toont om het instellen af te ronden.',
    confirm: 'Instellen afronden',
    loadingSecret: 'Sleutel wordt aangemaakt…',
    cancel: 'Afbreken en afmelden',
    invalid: 'Vul de 6 cijfers uit de app in.',
  },
};

export const en = {
  mfa: {
    codeTitle: 'Code from your authenticator app',
    codeIntro: 'Open the authenticator app on your phone and type the 6-digit code for "Veilig Thuis backoffice".',
    code: 'Code (6 digits)',
    verify: 'Confirm',
    enrolTitle: 'Set up two-step verification',
    enrolIntro:
      'Because you work with case files, you sign in with a password and a code from an authenticator app (for example Microsoft Authenticator or FreeOTP). Set it up once now.',
    step1: 'Scan the QR code with the app, or enter the key below by hand.',
    qrAlt: 'QR code to add this backoffice to your authenticator app',
    manualKey: 'Key to enter by hand',
    step2: 'Type the code the app shows now to finish the setup.',
    confirm: 'Finish setup',
    loadingSecret: 'Creating your key…',
    cancel: 'Cancel and sign out',
    invalid: 'Enter the 6 digits from the app.',
  },
};
