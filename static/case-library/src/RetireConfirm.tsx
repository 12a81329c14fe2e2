import { useRef } from 'react';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { Text } from '@atlaskit/primitives';
import { Button } from '../../shared/Button';
import { useI18n } from '../../shared/i18n/react';

/**
 * "Retire this case?" before anything is retired, as the design system's danger modal: the answer
 * button takes the focus; Cancel, Escape or a click outside keep the case, and the focus goes back to
 * the Retire button that opened the question.
 */
export function RetireConfirm({
  isOpen,
  title,
  onRetire,
  onCancel,
}: {
  isOpen: boolean;
  /** The case's title, named in the question. */
  title: string;
  onRetire: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const confirmButton = useRef<HTMLButtonElement>(null);
  return (
    <ModalTransition>
      {isOpen ? (
        <Modal onClose={onCancel} autoFocus={confirmButton} width="small" testId="retire-confirm">
          <ModalHeader hasCloseButton closeButtonLabel={t('cases.cancel')}>
            <ModalTitle appearance="danger">{t('cases.retireTitle', { title })}</ModalTitle>
          </ModalHeader>
          <ModalBody>
            <Text>{t('cases.retireConfirm')}</Text>
          </ModalBody>
          <ModalFooter>
            <Button appearance="subtle" onClick={onCancel}>
              {t('cases.cancel')}
            </Button>
            <Button ref={confirmButton} appearance="danger" onClick={onRetire}>
              {t('cases.retireYes')}
            </Button>
          </ModalFooter>
        </Modal>
      ) : null}
    </ModalTransition>
  );
}
