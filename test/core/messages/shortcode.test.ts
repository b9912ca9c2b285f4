import { describe, expect, it } from 'vitest';
import { ValidationError } from '#core/errors.ts';
import { renderTemplate } from '#core/messages/shortcode.ts';

describe('R5.5 %smartlock_code% in a host message', () => {
  it('renders every occurrence as the code and says the message carries it', () => {
    expect(renderTemplate('Code: %smartlock_code%. Again: %smartlock_code%', '482913')).toEqual({
      text: 'Code: 482913. Again: 482913',
      carriesCode: true,
    });
  });

  it('leaves a message without the shortcode as it is, percent signs included', () => {
    expect(renderTemplate('50% off, 100% sure: see you at 4 pm!', '482913')).toEqual({
      text: '50% off, 100% sure: see you at 4 pm!',
      carriesCode: false,
    });
  });

  it('refuses unknown shortcodes, naming each of them and the template field', () => {
    const render = () => renderTemplate('Hi %guest_name%, code %smartlock_code%, wifi %wifi% %wifi%', '1');
    expect(render).toThrow(ValidationError);
    expect(render).toThrow(
      'template: unknown shortcodes %guest_name%, %wifi%; only %smartlock_code% is known',
    );
  });

  it('is case-sensitive, as the shortcode is written', () => {
    expect(() => renderTemplate('%SMARTLOCK_CODE%', '1')).toThrow('unknown shortcode %SMARTLOCK_CODE%');
  });
});
